package id.satupintu.survey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The Krejcie–Morgan sample table PermenPANRB 14/2017 names (reference/skm-sample-size.csv). A population
 * between two rows takes the next row up (its ceiling), so the target never falls below what the table asks;
 * a population no larger than its sample (10 or fewer) is surveyed whole; beyond the last row, its sample.
 */
final class SampleSizes {

    private static final NavigableMap<Long, Integer> TABLE = load();

    private SampleSizes() {
    }

    static int target(long population) {
        if (population <= 0) {
            return 0;
        }
        Map.Entry<Long, Integer> row = TABLE.ceilingEntry(population);
        int sample = row == null ? TABLE.lastEntry().getValue() : row.getValue();
        return (int) Math.min(sample, population);
    }

    private static NavigableMap<Long, Integer> load() {
        NavigableMap<Long, Integer> table = new TreeMap<>();
        try (InputStream in = SampleSizes.class.getClassLoader().getResourceAsStream("reference/skm-sample-size.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/skm-sample-size.csv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",");
                    table.put(Long.parseLong(cells[0].trim()), Integer.parseInt(cells[1].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
