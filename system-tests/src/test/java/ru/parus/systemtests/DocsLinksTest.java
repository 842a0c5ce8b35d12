package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The documentation can be read from a clone alone (issue 14): every markdown link {@code [text](target)} in
 * README.md and docs/**.md names a file or folder that exists inside the repository, and docs/domain.md states the
 * rules R1..R24 that tests and code cite. Only files are read; the stack is not needed.
 */
class DocsLinksTest {
    /** The destination after a link's text: {@code (target)}, {@code (<target>)}, either with a title. */
    private static final Pattern DESTINATION = Pattern.compile("\\(\\s*(?:<([^>\\n]*)>|([^\\s()]+))(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** A fenced code block: its contents are code, not links. */
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$");
    /** An inline code span that itself holds link syntax (a link's text may be code: that one is kept). */
    private static final Pattern CODE_WITH_LINK = Pattern.compile("`[^`\\n]*\\]\\([^`\\n]*`");
    private static final Pattern EXTERNAL = Pattern.compile("(?i)^(https?:|mailto:|ftp:|tel:|data:)");

    @Test
    void everyLinkInTheReadmeAndDocsResolvesInsideTheRepository() throws IOException {
        Path root = RunningStack.projectRoot().toRealPath();
        List<Path> files = markdownFiles(root);
        assertTrue(files.size() > 1, "README.md and docs/*.md under " + root + ": " + files);

        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            for (String target : links(Files.readString(file, StandardCharsets.UTF_8))) {
                checked++;
                String problem = problem(root, file, target);
                if (problem != null) {
                    broken.add(root.relativize(file) + ": (" + target + ") " + problem);
                }
            }
        }
        assertTrue(checked > 0, "no links found in " + files);
        assertEquals(List.of(), broken, "links that do not resolve inside the repository");
    }

    @Test
    void theDomainPageStatesEveryRule() throws IOException {
        Path domain = RunningStack.projectRoot().resolve("docs/domain.md");
        assertTrue(Files.isRegularFile(domain), domain + " exists");
        String text = Files.readString(domain, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            // R1 must not be satisfied by R10..R19
            if (!Pattern.compile("\\bR" + i + "\\b").matcher(text).find()) {
                missing.add("R" + i);
            }
        }
        assertEquals(List.of(), missing, "rules not mentioned in docs/domain.md");
    }

    @Test
    void theParserFindsLinksButNotCodeOrExternalTargets() {
        String md = "See [the rules](docs/domain.md) and [`docs/events/`](docs/events \"schemas\").\n"
                + "![a picture](img/a.png) [web](https://example.org) [top](#layout)\n"
                + "`[not](a-link.md)` and\n"
                + "```bash\njq '.items | map([x](y))'\n```\n"
                + "[escaped \\] bracket](<with-angle.md>) [![badge](b.svg)](page.md#part)\n";
        assertEquals(List.of("docs/domain.md", "docs/events", "img/a.png", "https://example.org", "#layout",
                "with-angle.md", "page.md#part", "b.svg"), links(md));
        Path root = Path.of("/repo");
        assertEquals(null, problem(root, root.resolve("README.md"), "https://example.org"));
        assertEquals(null, problem(root, root.resolve("README.md"), "#layout"));
        assertFalse(problem(root, root.resolve("README.md"), "../shared/DOMAIN.md") == null);
    }

    /** README.md and every .md under docs/, sorted. */
    static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md")).sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** The targets of the markdown links in the text, in order, outside code blocks and code spans. */
    static List<String> links(String markdown) {
        String text = FENCE.matcher(markdown).replaceAll("");
        text = CODE_WITH_LINK.matcher(text).replaceAll("");
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++; // an escaped character opens nothing
            } else if (c == '[') {
                int close = closingBracket(text, i);
                if (close < 0) {
                    continue;
                }
                Matcher m = DESTINATION.matcher(text).region(close + 1, text.length());
                if (m.lookingAt()) {
                    // scanning goes on inside the text: [![badge](img.svg)](page.md) holds two links
                    targets.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return targets;
    }

    /** The index of the {@code ]} that closes the {@code [} at {@code open} (nested and escaped brackets counted). */
    private static int closingBracket(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            } else if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                return -1; // a link's text does not span paragraphs
            }
        }
        return -1;
    }

    /** Why the target of a link in {@code file} is broken, or null when it is fine or not checked here. */
    static String problem(Path root, Path file, String target) {
        if (EXTERNAL.matcher(target).find() || target.startsWith("#")) {
            return null;
        }
        String path = target;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.isEmpty()) {
            return null;
        }
        Path resolved = (path.startsWith("/") ? root.resolve(path.substring(1)) : file.getParent().resolve(path))
                .normalize();
        if (!resolved.startsWith(root)) {
            return "leaves the repository (" + resolved + ")";
        }
        if (!Files.exists(resolved)) {
            return "does not exist (" + root.relativize(resolved) + ")";
        }
        try {
            // a symbolic link inside the repository must not lead out of it either
            if (!resolved.toRealPath().startsWith(root)) {
                return "leaves the repository through a symbolic link (" + resolved.toRealPath() + ")";
            }
        } catch (IOException e) {
            return "cannot be resolved: " + e.getMessage();
        }
        return null;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
