import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The hanko-sync benchmark: runs the real tool (its own JVM, -Xmx256m) against the sandbox (another JVM) for
 * several sizes and latencies, and, for 10,000 users, the per-user algorithm of Hanko's Supabase guide (select the
 * user's row, insert it when absent, one user at a time) against the same sandbox in the same run.
 *
 * Run with bench/run (see bench/README.md). Arguments: sizes, e.g. 10000 100000 1000000 (default all three), and
 * --guide-table for the guide's table without the unique constraint.
 */
public class Bench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JAR = "target/hanko-sync.jar";
    static final int CONCURRENCY = 4;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        boolean guideTable = false;
        boolean sweep = false;
        for (String a : args) {
            if (a.equals("--guide-table")) {
                guideTable = true;
            } else if (a.equals("--sweep")) {
                sweep = true;
            } else {
                sizes.add(Integer.parseInt(a));
            }
        }
        System.out.println(guideTable
                ? "table: the guide's, without a unique constraint on user_id (plain inserts, each checked first)"
                : "table: with the recommended unique constraint on user_id (inserts use on_conflict)");
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        if (sweep) {
            sweep(guideTable);
            return;
        }
        System.out.printf("start-up: --version %.0f ms, --help %.0f ms (median of 5, JVM start included)%n",
                startupMillis("--version"), startupMillis("--help"));
        System.out.printf("%-9s %-5s %9s %9s %7s %-22s %8s %8s %9s %9s %s%n", "users", "lat", "wall s", "users/s",
                "hanko", "supabase GET/POST/PATCH", "heap MB", "RSS MB", "sandbox%", "vs bound", "vs per-user");
        List<String> notes = new ArrayList<>();
        for (int users : sizes) {
            try (Sandbox sandbox = new Sandbox(users, users / 2, !guideTable)) {
                for (int latency : users >= 1_000_000 ? new int[] {0} : new int[] {0, 20}) {
                    sandbox.command("latency " + latency);
                    sandbox.command("reset");
                    JsonNode before = sandbox.command("stats");
                    ToolRun tool = runTool(sandbox);
                    JsonNode after = sandbox.command("stats");
                    Counts c = new Counts(before, after);

                    String versus = "";
                    if (users == 10_000) {
                        sandbox.command("reset");
                        JsonNode b2 = sandbox.command("stats");
                        long perUserNanos = perUserAlgorithm(sandbox);
                        Counts c2 = new Counts(b2, sandbox.command("stats"));
                        versus = String.format("%.0fx (per-user: %.1f s, %d Supabase requests)",
                                perUserNanos / (double) tool.wallNanos, perUserNanos / 1e9, c2.supabaseTotal());
                    }
                    int writes = (int) Math.ceil(tool.report.path("counts").path("created").asLong() / 500.0)
                            + (int) tool.report.path("counts").path("updated").asLong();
                    long tableReads = tool.report.path("supabase").path("rows").asLong() / 1000 + 1;
                    long roundTrips = Math.max(Math.max((long) Math.ceil(c.hanko / (double) CONCURRENCY), tableReads),
                            (long) Math.ceil(writes / (double) CONCURRENCY));
                    String bound = latency == 0 ? "-" : String.format("%.2fx", tool.wallNanos / 1e6
                            / (roundTrips * (double) latency));
                    double seconds = tool.wallNanos / 1e9;
                    System.out.printf("%-9d %-5s %9.2f %9.0f %7d %-22s %8.0f %8.0f %8.0f%% %9s %s%n", users,
                            latency + "ms", seconds, users / seconds, c.hanko,
                            c.get + "/" + c.post + "/" + c.patch, tool.peakHeapBytes / 1e6, tool.peakRssKb / 1e3,
                            100.0 * Math.max(0, tool.machineBusyMs - tool.toolCpuMs) / (tool.wallNanos / 1e6)
                                    / Runtime.getRuntime().availableProcessors(),
                            bound, versus);
                    if (users <= 100_000) {
                        sandbox.command("reset");
                        JsonNode b3 = sandbox.command("stats");
                        ToolRun db = runTool(sandbox, List.of("--database-url", sandbox.databaseUrl));
                        Counts c3 = new Counts(b3, sandbox.command("stats"));
                        System.out.printf("%-9d %-5s %9.2f %9.0f %7d %-22s %8.0f %8.0f %9s %9s %s%n", users,
                                "db", db.wallNanos / 1e9, users / (db.wallNanos / 1e9), c3.hanko,
                                "(JDBC, no latency)", db.peakHeapBytes / 1e6, db.peakRssKb / 1e3, "", "",
                                String.format("%.2fx the REST run's time", db.wallNanos / (double) tool.wallNanos));
                        if (db.exitCode != 0) {
                            notes.add("users=" + users + " db mode: exit " + db.exitCode + " " + db.err);
                        }
                    }
                    if (tool.exitCode != 0) {
                        notes.add("users=" + users + " latency=" + latency + ": exit " + tool.exitCode + " " + tool.err);
                    }
                    notes.add("users=" + users + " latency=" + latency + "ms time split (ms, summed over threads): "
                            + tool.report.path("timings_ms") + "; counts " + tool.report.path("counts"));
                }
            }
        }
        System.out.println();
        System.out.println("sandbox% = CPU time of everything but the tool (the sandbox JVM, its PostgreSQL, the"
                + " rest of the machine) over the tool's wall time, as a share of all cores.");
        System.out.println("vs bound = wall time over (sequential round trips allowed by concurrency " + CONCURRENCY
                + ") x latency.");
        notes.forEach(System.out::println);
    }

    /**
     * Page and batch sizes measured instead of guessed: 50,000 users (half in the table) at 20 ms per request,
     * the tool run with each Hanko page size at the default batch size, then each batch size at the default page.
     */
    static void sweep(boolean guideTable) throws Exception {
        System.out.printf("%-10s %-10s %9s %7s %-22s%n", "page size", "batch", "wall s", "hanko", "supabase GET/POST");
        try (Sandbox sandbox = new Sandbox(50_000, 25_000, !guideTable)) {
            sandbox.command("latency 20");
            int[][] settings = {{50, 500}, {100, 500}, {200, 500}, {500, 500}, {1000, 500},
                    {100, 100}, {100, 250}, {100, 1000}};
            for (int[] s : settings) {
                sandbox.command("reset");
                JsonNode before = sandbox.command("stats");
                ToolRun run = runTool(sandbox, List.of("--page-size", String.valueOf(s[0]),
                        "--batch-size", String.valueOf(s[1])));
                Counts c = new Counts(before, sandbox.command("stats"));
                System.out.printf("%-10d %-10d %9.2f %7d %-22s%s%n", s[0], s[1], run.wallNanos / 1e9, c.hanko,
                        c.get + "/" + c.post, run.exitCode == 0 ? "" : "  exit " + run.exitCode);
            }
        }
    }

    static double startupMillis(String option) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("java", "-jar", JAR, option).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            times.add(System.nanoTime() - start);
        }
        times.sort(null);
        return times.get(2) / 1e6;
    }

    record ToolRun(int exitCode, long wallNanos, long peakHeapBytes, long peakRssKb, JsonNode report, String err,
                   long toolCpuMs, long machineBusyMs) {}

    /** CPU time all cores spent busy since boot, from /proc/stat (USER_HZ = 100). */
    static long machineBusyMs() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            return (total - Long.parseLong(f[4]) - Long.parseLong(f[5])) * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    static ToolRun runTool(Sandbox sandbox) throws Exception {
        return runTool(sandbox, List.of());
    }

    static ToolRun runTool(Sandbox sandbox, List<String> extra) throws Exception {
        Path reportFile = Files.createTempFile("bench-report", ".json");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-Dhanko-sync.print-peak-heap=true", "-jar",
                JAR, "sync", "--format", "json", "--quiet", "--report", reportFile.toString()));
        if (!extra.contains("--concurrency")) {
            command.addAll(List.of("--concurrency", String.valueOf(CONCURRENCY)));
        }
        command.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("HANKO_ADMIN_URL", sandbox.hankoUrl);
        env.put("SUPABASE_URL", sandbox.supabaseUrl);
        env.put("SUPABASE_SECRET_KEY", sandbox.supabaseKey);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path errFile = Files.createTempFile("bench-err", ".txt");
        pb.redirectError(errFile.toFile());
        long busyBefore = machineBusyMs();
        long start = System.nanoTime();
        Process p = pb.start();
        long rss = 0;
        long cpu = 0;
        while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            rss = Math.max(rss, peakRssKb(p.pid()));
            cpu = Math.max(cpu, p.toHandle().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L));
        }
        long wall = System.nanoTime() - start;
        long busy = machineBusyMs() - busyBefore;
        String err = Files.readString(errFile);
        long heap = -1;
        for (String line : err.split("\n")) {
            if (line.startsWith("hanko-sync: peak heap bytes ")) {
                heap = Long.parseLong(line.substring("hanko-sync: peak heap bytes ".length()).trim());
            }
        }
        JsonNode report = JSON.readTree(reportFile.toFile());
        Files.deleteIfExists(reportFile);
        Files.deleteIfExists(errFile);
        return new ToolRun(p.exitValue(), wall, heap, rss, report, err.length() > 400 ? err.substring(0, 400) : err,
                cpu, busy);
    }

    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // the process just ended
        }
        return 0;
    }

    /**
     * The guide's algorithm applied to a backfill: page through Hanko's users, and for each one select its row and
     * insert it when there is none, one user at a time.
     */
    static long perUserAlgorithm(Sandbox sandbox) throws Exception {
        OkHttpClient http = new OkHttpClient();
        MediaType json = MediaType.get("application/json");
        long start = System.nanoTime();
        for (int page = 1; ; page++) {
            HttpUrl url = HttpUrl.get(sandbox.hankoUrl + "/users").newBuilder()
                    .addQueryParameter("page", String.valueOf(page)).addQueryParameter("per_page", "100")
                    .addQueryParameter("sort_direction", "asc").build();
            JsonNode users;
            try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
                users = JSON.readTree(r.body().string());
            }
            for (JsonNode user : users) {
                String id = user.path("id").asText();
                String email = null;
                for (JsonNode e : user.path("emails")) {
                    if (email == null || e.path("is_primary").asBoolean()) {
                        email = e.path("address").asText();
                    }
                }
                HttpUrl select = HttpUrl.get(sandbox.supabaseUrl + "/rest/v1/users").newBuilder()
                        .addQueryParameter("select", "id").addQueryParameter("user_id", "eq." + id).build();
                boolean present;
                try (Response r = http.newCall(new Request.Builder().url(select)
                        .header("apikey", sandbox.supabaseKey).build()).execute()) {
                    present = JSON.readTree(r.body().string()).size() > 0;
                }
                if (!present) {
                    String body = JSON.writeValueAsString(Map.of("user_id", id, "email", email == null ? "" : email));
                    try (Response r = http.newCall(new Request.Builder().url(sandbox.supabaseUrl + "/rest/v1/users")
                            .header("apikey", sandbox.supabaseKey).post(RequestBody.create(body, json)).build())
                            .execute()) {
                        if (r.code() >= 300) {
                            throw new IllegalStateException("insert failed: " + r.code());
                        }
                    }
                }
            }
            if (users.size() < 100) {
                break;
            }
        }
        return System.nanoTime() - start;
    }

    record Counts(long hanko, long get, long post, long patch, long sandboxCpuMs) {
        Counts(JsonNode before, JsonNode after) {
            this(after.path("hanko_requests").asLong() - before.path("hanko_requests").asLong(),
                    delta(before, after, "GET"), delta(before, after, "POST"), delta(before, after, "PATCH"),
                    after.path("cpu_ms").asLong() - before.path("cpu_ms").asLong());
        }

        static long delta(JsonNode before, JsonNode after, String method) {
            return after.path("supabase_requests").path(method).asLong()
                    - before.path("supabase_requests").path(method).asLong();
        }

        long supabaseTotal() {
            return get + post + patch;
        }
    }

    /** The sandbox in its own JVM, driven over its stdin. */
    static final class Sandbox implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final BufferedWriter in;
        final String hankoUrl;
        final String supabaseUrl;
        final String supabaseKey;
        final String databaseUrl;

        Sandbox(int users, int rows, boolean unique) throws Exception {
            long start = System.nanoTime();
            process = new ProcessBuilder("java", "-Xmx6g", "-cp", JAR, "dev.hankosync.sandbox.SandboxServer",
                    String.valueOf(users), String.valueOf(rows), unique ? "--unique" : "--guide-table")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            JsonNode hello = JSON.readTree(out.readLine());
            hankoUrl = hello.path("hanko_url").asText();
            supabaseUrl = hello.path("supabase_url").asText();
            supabaseKey = hello.path("supabase_key").asText();
            databaseUrl = hello.path("database_url").asText();
            System.err.printf("sandbox with %d users, %d rows ready in %.1f s%n", users, rows,
                    (System.nanoTime() - start) / 1e9);
        }

        JsonNode command(String line) throws Exception {
            in.write(line);
            in.newLine();
            in.flush();
            return JSON.readTree(out.readLine());
        }

        @Override
        public void close() throws Exception {
            in.write("quit\n");
            in.flush();
            process.waitFor();
        }
    }
}
