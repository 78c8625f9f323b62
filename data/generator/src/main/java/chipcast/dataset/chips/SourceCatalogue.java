package chipcast.dataset.chips;

import chipcast.dataset.DatasetException;
import chipcast.dataset.Layout;
import chipcast.dataset.json.Mapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Titles and dates of the sources the reference cites (data/sources/curation/sources.json): turns a reference
 * source (url, GitHub file or index id) into a served {@link Source}. A url the catalogue does not know fails the
 * build, so every served source has a title someone wrote.
 */
public final class SourceCatalogue {
    public static final String PUBLISHED = "published";
    public static final String CHECKED = "checked";

    /** data/sources/curation/sources.json. */
    public record File(String about, String checkedDate, Epoch epoch, EpochCopy epochCopy, List<Url> urls,
                       List<Github> github, List<IndexId> indexIds) {
    }

    /** How the Epoch dataset is cited wherever ChipCast uses or quotes it. */
    public record Epoch(String title, String url, String asOf, String asOfKind) {
    }

    /** The GitHub copy of Epoch's CSV that the reference cites; it is cited as {@link Epoch}. */
    public record EpochCopy(String repo, String path) {
    }

    public record Url(String url, String title, String asOf, String asOfKind) {
    }

    public record Github(String repo, String title, String asOf, String asOfKind) {
    }

    public record IndexId(String indexId, String title) {
    }

    /** A source's title and date, before the chip-specific supports text. */
    public record Dated(String title, String url, String asOf, String asOfKind) {
        public Source supporting(String supports) {
            return new Source(title, url, supports, asOf, asOfKind);
        }
    }

    private final File file;
    private final Map<String, Dated> byUrl = new HashMap<>();
    private final Map<String, Github> byRepo = new HashMap<>();
    private final Map<String, String> byIndexId = new HashMap<>();

    private SourceCatalogue(File file) {
        this.file = file;
        for (Url u : file.urls()) {
            if (byUrl.put(u.url(), new Dated(u.title(), u.url(), date(u.asOf(), u.asOfKind(), u.url()), u.asOfKind())) != null) {
                throw new DatasetException(Layout.SOURCES + ": url listed twice: " + u.url());
            }
        }
        for (Github g : file.github()) {
            if (g.asOfKind() != null) {
                date(g.asOf(), g.asOfKind(), g.repo());
            }
            byRepo.put(g.repo(), g);
        }
        for (IndexId i : file.indexIds()) {
            byIndexId.put(i.indexId(), i.title());
        }
    }

    public static SourceCatalogue read(Layout layout) {
        return new SourceCatalogue(Mapper.read(layout.path(Layout.SOURCES), Layout.SOURCES, File.class));
    }

    public String checkedDate() {
        return file.checkedDate();
    }

    public Dated epoch() {
        Epoch e = file.epoch();
        return new Dated(e.title(), e.url(), e.asOf(), e.asOfKind());
    }

    /** A url's catalogue entry; the build fails if the url is not listed. */
    public Dated url(String url) {
        Dated d = byUrl.get(url);
        if (d == null) {
            throw new DatasetException(Layout.SOURCES + ": no entry for url " + url
                    + " (add {url, title, asOf, asOfKind} to its urls list)");
        }
        return d;
    }

    /** The served form of a reference source. */
    public Source convert(ReferenceChip.ReferenceSource s) {
        String supports = s.supports() == null ? "" : s.supports();
        EpochCopy copy = file.epochCopy();
        if (copy.repo().equals(s.repo()) && copy.path().equals(s.path())) {
            return epoch().supporting(supports);
        }
        if (s.repo() != null) {
            Github g = byRepo.get(s.repo());
            String title = g != null ? g.title() : "GitHub " + s.repo() + ", " + s.path();
            boolean dated = g != null && g.asOfKind() != null;
            return new Source(title, "https://github.com/" + s.repo() + "/blob/" + s.commit() + "/" + s.path(), supports,
                    dated ? g.asOf() : file.checkedDate(), dated ? g.asOfKind() : CHECKED);
        }
        if (s.url() != null) {
            return url(s.url()).supporting(supports);
        }
        if (s.indexId() != null) {
            String title = byIndexId.get(s.indexId());
            if (title == null) {
                throw new DatasetException(Layout.SOURCES + ": no entry for index id " + s.indexId());
            }
            return new Source(title, null, supports, file.checkedDate(), CHECKED);
        }
        throw new DatasetException("a reference source has neither url, repo nor index_id: " + s);
    }

    /** A published source carries its own date; a checked one is dated checkedDate. */
    private String date(String asOf, String kind, String what) {
        if (PUBLISHED.equals(kind)) {
            if (asOf == null) {
                throw new DatasetException(Layout.SOURCES + ": " + what + " is 'published' but has no asOf");
            }
            return asOf;
        }
        if (CHECKED.equals(kind)) {
            if (asOf != null && !asOf.equals(file.checkedDate())) {
                throw new DatasetException(Layout.SOURCES + ": " + what + " is 'checked': leave asOf out (it is checkedDate)");
            }
            return file.checkedDate();
        }
        throw new DatasetException(Layout.SOURCES + ": " + what + ": asOfKind must be published or checked, not " + kind);
    }
}
