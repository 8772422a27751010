package dev.syncdoctor.serve;

import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.api.CaseInputs;
import dev.syncdoctor.batch.BatchEvaluator;
import dev.syncdoctor.batch.BatchFormat;
import dev.syncdoctor.batch.BatchInput;
import dev.syncdoctor.batch.BatchRecord;
import dev.syncdoctor.batch.BatchSummary;
import dev.syncdoctor.batch.CaseTable;
import dev.syncdoctor.batch.HtmlReport;
import dev.syncdoctor.ingest.InputException;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code POST /api/v1/batch}: many cases in, one JSON Lines record per case out, in input order, streamed
 * as they are evaluated. In: JSON Lines (one JSON case per line), a CSV export, a zip of case files, or
 * multipart/form-data with any of these as files. {@code report=html} answers with the batch HTML report
 * (summary and per-case table) instead. Records are the CLI's: {@code batch --format json}.
 */
final class BatchEndpoint {
    static final String ACCEPTED = "application/x-ndjson (JSON Lines), text/csv, application/zip or multipart/form-data";
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final LiveRules rules;
    private final WorkGate gate;
    private final long maxInputBytes;
    private final Duration timeLimit;

    BatchEndpoint(LiveRules rules, WorkGate gate, long maxInputBytes, Duration timeLimit) {
        this.rules = rules;
        this.gate = gate;
        this.maxInputBytes = maxInputBytes;
        this.timeLimit = timeLimit;
    }

    /** Where records go: the response as JSON Lines, or the report's summary and table. */
    private interface Sink {
        void accept(BatchRecord r) throws IOException;
    }

    void handle(Context ctx) throws IOException {
        String type = RequestBody.mediaType(ctx);
        boolean html = "html".equalsIgnoreCase(ctx.queryParam("report"));
        if (ctx.queryParam("report") != null && !html) {
            throw ApiError.badRequest("report: only html is offered");
        }
        if (!List.of("application/x-ndjson", "application/jsonl", "application/json", "text/csv", "application/zip",
                "application/x-zip-compressed", "multipart/form-data").contains(type)) {
            throw ApiError.unsupported(type, ACCEPTED);
        }
        RequestBody.checkDeclaredLength(ctx, maxInputBytes);
        try (WorkGate.Slot ignored = gate.enter()) {
            LiveRules.Loaded loaded = rules.current();
            BatchEvaluator evaluator = new BatchEvaluator(loaded.doctor(), BatchFormat.JSON);
            CaseInputs inputs = loaded.doctor().inputs();
            long deadline = System.nanoTime() + timeLimit.toNanos();
            if (html) {
                BatchSummary summary = new BatchSummary();
                CaseTable table = new CaseTable(CaseTable.DEFAULT_ROWS);
                long records = run(ctx, type, evaluator, inputs, deadline, r -> {
                    summary.add(r.result());
                    table.add(r.result());
                });
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("records", records);
                run.put("rules", loaded.doctor().knowledge().rulesInUse());
                ctx.contentType("text/html; charset=utf-8").result(HtmlReport.render(summary, table, run));
                return;
            }
            ctx.contentType("application/x-ndjson");
            OutputStream out = ctx.res().getOutputStream();
            long[] sinceFlush = {System.nanoTime()};
            run(ctx, type, evaluator, inputs, deadline, r -> {
                out.write(r.line().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                // Stream: callers see records as they come, without a flush per record.
                if (System.nanoTime() - sinceFlush[0] > 50_000_000L) {
                    out.flush();
                    sinceFlush[0] = System.nanoTime();
                }
            });
            out.flush();
        }
    }

    private long run(Context ctx, String type, BatchEvaluator evaluator, CaseInputs inputs, long deadline, Sink sink)
            throws IOException {
        Counter counter = new Counter(sink, deadline);
        switch (type) {
            case "text/csv" -> cases(inputs, "upload.csv", RequestBody.read(ctx, maxInputBytes), evaluator, counter);
            case "application/zip", "application/x-zip-compressed" ->
                    zip(inputs, "upload.zip", RequestBody.read(ctx, maxInputBytes), evaluator, counter);
            case "multipart/form-data" -> multipart(ctx, inputs, evaluator, counter);
            default -> lines(ctx.req().getInputStream(), evaluator, counter);
        }
        return counter.records;
    }

    /** Counts records and stops the request at its time limit. */
    private final class Counter {
        final Sink sink;
        final long deadline;
        long records;

        Counter(Sink sink, long deadline) {
            this.sink = sink;
            this.deadline = deadline;
        }

        void accept(BatchRecord r) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new ApiError(503, "the batch ran past the request time limit of " + timeLimit.toSeconds()
                        + " s after " + records + " records; send fewer cases per request", 5);
            }
            sink.accept(r);
            records++;
        }
    }

    /** JSON Lines, read and evaluated line by line as the body arrives. */
    private void lines(InputStream body, BatchEvaluator evaluator, Counter out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new BoundedStream(body, maxInputBytes), StandardCharsets.UTF_8));
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            for (BatchRecord r : evaluator.evaluate(new BatchInput.StdinLine(number, line))) {
                out.accept(r);
            }
        }
    }

    private void cases(CaseInputs inputs, String name, byte[] content, BatchEvaluator evaluator, Counter out) throws IOException {
        List<CaseInput> cases;
        try {
            cases = inputs.read(name, content);
        } catch (InputException e) {
            out.accept(evaluator.evaluate(CaseInput.failed(name, null, e)));
            return;
        }
        if (cases.isEmpty()) {
            out.accept(evaluator.evaluate(CaseInput.failed(name, null, new InputException(name, "no case in this input"))));
        }
        for (CaseInput c : cases) {
            out.accept(evaluator.evaluate(c));
        }
    }

    /** The case files of a zip, in the zip's order; its total unpacked size is bounded like a body. */
    private void zip(CaseInputs inputs, String name, byte[] content, BatchEvaluator evaluator, Counter out) throws IOException {
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory() || !isCaseFile(e.getName())) {
                    continue;
                }
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw ApiError.badRequest(name + ": more than " + MAX_ZIP_ENTRIES + " case files");
                }
                byte[] bytes = RequestBody.readBounded(zip, maxInputBytes - unpacked);
                unpacked += bytes.length;
                cases(inputs, name + "!" + RequestBody.uploadName(e.getName(), "entry" + entries), bytes, evaluator, out);
            }
        } catch (java.util.zip.ZipException ex) {
            throw ApiError.badRequest(name + ": not a readable zip: " + ex.getMessage());
        }
    }

    private void multipart(Context ctx, CaseInputs inputs, BatchEvaluator evaluator, Counter out) throws IOException {
        // This server's own bounds, set on the request (the library's multipart settings are one per process).
        // Parts stay in memory up to the body limit: nothing an upload sends is written to disk.
        int inMemory = (int) Math.min(Integer.MAX_VALUE, maxInputBytes);
        ctx.req().setAttribute("org.eclipse.jetty.multipartConfig",
                new MultipartConfigElement(System.getProperty("java.io.tmpdir"), maxInputBytes, maxInputBytes, inMemory));
        List<Part> parts;
        try {
            parts = new ArrayList<>(ctx.req().getParts());
        } catch (IllegalStateException e) {
            throw ApiError.tooLarge(maxInputBytes);
        } catch (ServletException e) {
            throw ApiError.badRequest("not a readable multipart upload: " + e.getMessage());
        }
        int n = 0;
        for (Part f : parts) {
            if (f.getSubmittedFileName() == null) {
                continue;
            }
            n++;
            String name = RequestBody.uploadName(f.getSubmittedFileName(), "file" + n + ".txt");
            byte[] bytes;
            try (InputStream in = f.getInputStream()) {
                bytes = RequestBody.readBounded(in, maxInputBytes);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip")) {
                zip(inputs, name, bytes, evaluator, out);
            } else if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                lines(new ByteArrayInputStream(bytes), evaluator, out);
            } else {
                cases(inputs, name, bytes, evaluator, out);
            }
        }
        if (n == 0) {
            throw ApiError.badRequest("no file in the upload");
        }
    }

    static boolean isCaseFile(String entryName) {
        String n = entryName.toLowerCase(Locale.ROOT);
        String base = n.substring(n.lastIndexOf('/') + 1);
        if (base.startsWith(".") || n.startsWith("__macosx/") || n.endsWith(".expected.json")) {
            return false;
        }
        return n.endsWith(".txt") || n.endsWith(".log") || n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml")
                || n.endsWith(".csv");
    }

    /** A body stream that fails with 413 past the limit (bodies sent without a declared length). */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long read;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
                throw ApiError.tooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (read += n) > limit) {
                throw ApiError.tooLarge(limit);
            }
            return n;
        }
    }
}
