package dev.syncdoctor.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The non-blank lines of text files with their 1-based line numbers in their file, read in parallel
 * splits: a first pass counts the lines of every split, the driver turns the counts into each split's
 * first line number, a second pass numbers. Blank lines are skipped but counted, as {@code batch -} counts
 * the lines of standard input. The numbers depend only on the files, never on the tasks.
 */
final class NumberedLines {
    private NumberedLines() {
    }

    /** A line and where it is. */
    record Line(String file, long number, String text) implements Serializable {
    }

    private record SplitCount(String file, long start, long lines) implements Serializable {
    }

    @SuppressWarnings("unchecked")
    static JavaRDD<Line> read(JavaSparkContext jsc, String paths, Configuration listing) {
        JavaNewHadoopRDD<LongWritable, Text> splits = (JavaNewHadoopRDD<LongWritable, Text>)
                jsc.newAPIHadoopFile(paths, TextInputFormat.class, LongWritable.class, Text.class, listing);
        List<SplitCount> counts = splits.mapPartitionsWithInputSplit((split, lines) -> {
            long n = 0;
            while (lines.hasNext()) {
                lines.next();
                n++;
            }
            FileSplit f = (FileSplit) split;
            return List.of(new SplitCount(f.getPath().toString(), f.getStart(), n)).iterator();
        }, true).collect();

        // The first line number of each split: one more than the lines of the splits before it in its file.
        Map<String, List<SplitCount>> byFile = new HashMap<>();
        for (SplitCount c : counts) {
            byFile.computeIfAbsent(c.file(), k -> new ArrayList<>()).add(c);
        }
        HashMap<String, Long> firstLine = new HashMap<>();
        for (List<SplitCount> file : byFile.values()) {
            file.sort((a, b) -> Long.compare(a.start(), b.start()));
            long next = 1;
            for (SplitCount c : file) {
                firstLine.put(c.file() + "@" + c.start(), next);
                next += c.lines();
            }
        }
        Broadcast<HashMap<String, Long>> first = jsc.broadcast(firstLine);

        return splits.mapPartitionsWithInputSplit((split, lines) -> {
            FileSplit f = (FileSplit) split;
            String file = f.getPath().toString();
            long firstNumber = first.value().get(file + "@" + f.getStart());
            // Lazily: a split of a large file is never held in memory.
            return new Iterator<Line>() {
                private long number = firstNumber;
                private Line next;

                @Override
                public boolean hasNext() {
                    while (next == null && lines.hasNext()) {
                        String text = lines.next()._2().toString();
                        if (!text.isBlank()) {
                            next = new Line(file, number, text);
                        }
                        number++;
                    }
                    return next != null;
                }

                @Override
                public Line next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    Line l = next;
                    next = null;
                    return l;
                }
            };
        }, true);
    }
}
