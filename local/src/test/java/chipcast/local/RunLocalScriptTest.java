package chipcast.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `./run-local.sh` answers --help and argument errors before it builds anything, and `invoke` prints each
 * answer once, ending in a newline, with no copy of it in the function's log.
 */
class RunLocalScriptTest {
    record Run(int exit, String out, String err) {
    }

    /**
     * The script with an empty PATH: its argument checks are bash alone, and a check that let an error through
     * would fail at once looking for java or mvn (exit 1), never start a build.
     */
    static Run script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", TestStack.ROOT.resolve("run-local.sh").toString()));
        command.addAll(List.of(args));
        Path dir = Files.createTempDirectory("run-local");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", dir.resolve("nothing").toString());
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "answers at once: " + String.join(" ", args));
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void helpAndArgumentErrorsAnswerBeforeAnyBuild() throws Exception {
        Run help = script("--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("usage: ./run-local.sh [--port N]"), help.out());
        Files.writeString(TestStack.ROOT.resolve("local/target/run-local-event.json"), "{}");
        String event = TestStack.ROOT.resolve("local/target/run-local-event.json").toString();
        for (String[] args : new String[][] {
                {"--bogus"}, {"--port"}, {"--port", "0"}, {"--port", "65536"}, {"--port", "abc"}, {"invoke"},
                {"invoke", "ChipSpecFunction"}, {"invoke", "ChipSpecFunction", "--event"},
                {"invoke", "ChipSpecFunction", "--event", "no-such-event.json"},
                {"invoke", "NoSuchFunction", "--event", event}, {"invoke", "ChipsTable", "--event", event},
                {"dataset-hash", "extra"}, {"--port", "3000", "invoke", "ChipSpecFunction", "--event", event}}) {
            Run run = script(args);
            String what = String.join(" ", args) + " -> " + run.err();
            assertEquals(2, run.exit(), what);
            assertFalse(run.err().contains("building"), what);
            assertFalse(run.err().isBlank(), "says what is wrong: " + what);
        }
        Run unknown = script("invoke", "NoSuchFunction", "--event", event);
        assertTrue(unknown.err().contains("ChipSpecFunction"), "names the template's functions: " + unknown.err());
    }

    /** What `invoke` prints of one invocation, and what the function logged beside it. */
    record Printed(String out, List<String> logged) {
    }

    static Printed invoke(String functionId, String eventFile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalContext context = LocalContext.capturing(functionId);
        Main.invoke(TestStack.env(), functionId, Files.readAllBytes(TestStack.ROOT.resolve(eventFile)), context,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Printed(out.toString(StandardCharsets.UTF_8), context.logged());
    }

    @Test
    void invokePrintsEachAnswerOnceEndingInANewline() throws Exception {
        for (String[] call : new String[][] {{"DataLoaderFunction", "events/dataset-load.json"},
                {"RecalculationFunction", "events/scheduled-recalculation.json"}, {"ChipSpecFunction", "events/get-chip.json"}}) {
            Printed printed = invoke(call[0], call[1]);
            String answer = printed.out();
            assertTrue(answer.endsWith("\n") && answer.indexOf('\n') == answer.length() - 1, call[0] + ": one line: " + answer);
            assertTrue(LocalJson.MAPPER.readTree(answer).isObject(), answer);
            String body = answer.strip();
            for (String line : printed.logged()) {
                assertFalse(line.contains(body), call[0] + " logs a copy of its answer: " + line);
                assertFalse(line.startsWith("ERROR"), line);
            }
        }
    }
}
