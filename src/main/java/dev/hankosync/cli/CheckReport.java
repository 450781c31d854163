package dev.hankosync.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings of {@code hanko-sync check}, in sections, and how they print. */
final class CheckReport {

    private final Map<String, List<CheckLine>> sections = new LinkedHashMap<>();

    void add(String section, CheckLine line) {
        sections.computeIfAbsent(section, s -> new ArrayList<>()).add(line);
    }

    void addAll(String section, List<CheckLine> lines) {
        lines.forEach(line -> add(section, line));
    }

    long count(CheckLine.Mark mark) {
        return sections.values().stream().flatMap(List::stream).filter(line -> line.mark() == mark).count();
    }

    boolean passed() {
        return count(CheckLine.Mark.FAIL) == 0;
    }

    String render(Colors colors) {
        StringBuilder out = new StringBuilder();
        out.append(colors.bold("hanko-sync check (reads only; changes nothing)")).append('\n');
        sections.forEach((title, lines) -> {
            out.append('\n').append(colors.bold(title)).append('\n');
            for (CheckLine line : lines) {
                out.append("  ").append(mark(line.mark(), colors)).append(' ').append(line.text()).append('\n');
                line.details().forEach(detail -> out.append("      ").append(detail).append('\n'));
            }
        });
        out.append('\n').append(verdict(colors)).append('\n');
        return out.toString();
    }

    private String verdict(Colors colors) {
        long failed = count(CheckLine.Mark.FAIL);
        long warnings = count(CheckLine.Mark.WARN);
        String warned = warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings");
        if (failed == 0) {
            return colors.green("All checks passed" + warned + ".");
        }
        return colors.red(failed + (failed == 1 ? " check failed" : " checks failed") + warned
                + ": fix the ✗ lines and run hanko-sync check again.");
    }

    private static String mark(CheckLine.Mark mark, Colors colors) {
        return switch (mark) {
            case PASS -> colors.green(mark.symbol);
            case FAIL -> colors.red(mark.symbol);
            case WARN -> colors.yellow(mark.symbol);
            case UNKNOWN -> colors.cyan(mark.symbol);
        };
    }
}
