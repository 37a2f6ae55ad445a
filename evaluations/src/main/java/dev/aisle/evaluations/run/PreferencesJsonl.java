package dev.aisle.evaluations.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.evaluations.stats.Preference;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pairwise preferences from JSONL, one per line:
 * {@code {"item":"q1","a":"base","b":"dpo","outcome":"B"}} with outcome A, B, TIE or BOTH_BAD.
 * (The feedback store's export feeds the same summary once it is on main.)
 */
public final class PreferencesJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreferencesJsonl() {
    }

    public static List<Preference> read(Path file) throws IOException {
        List<Preference> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode j = JSON.readTree(line);
                    out.add(new Preference(j.path("item").asText(""), j.path("a").asText(""), j.path("b").asText(""),
                            Preference.Outcome.parse(j.path("outcome").asText(""))));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": not valid JSON: " + e.getOriginalMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
