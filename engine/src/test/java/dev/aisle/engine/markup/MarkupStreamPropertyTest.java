package dev.aisle.engine.markup;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Randomised invariants of the stream parser. The base seed comes from {@code -Daisle.seed=N}
 * (default fixed); every failure names the case's seed, and rerunning with that seed reproduces it.
 */
class MarkupStreamPropertyTest {

    private static final long BASE_SEED = Long.getLong("aisle.seed", 20261125L);
    private static final MarkupScope SCOPE = MarkupStreamParserTest.SCOPE;

    private static final String[] PIECES = {
            "Warm gloves ", "are ", "great", ". ", "\n", "price < $50 ", "<3 ", "a<b ", "5 > 3 ", "\"quoted\" ",
            "<product id=\"B0GLV12345\"/>", "<product id=\"B0GLV99999\" />", "<product id=\"NOPE\"/>",
            "<product id=\"B0GLV12345\">", "<product id=B0GLV12345/>", "<product  id=\"\"/>",
            "<compare ids=\"B0GLV12345,B0GLV99999\"/>", "<compare ids=\"B0GLV12345, B0SHOE0001, B0GLV99999\"/>",
            "<compare ids=\"B0GLV12345\"/>", "<compare ids=\"B0GLV12345,B0GLV12345\"/>",
            "<cite ref=\"E1\"/>", "<cite ref=\"E3\"/>", "<cite ref=\"E42\"/>", "<cite ref=\"E1\">",
            "<link to=\"search:trail shoes\">trail shoes</link>", "<link to=\"category:Sports/Golf\">golf</link>",
            "<link to=\"product:B0SHOE0001\">the shoe</link>", "<link to=\"product:NOPE\">x</link>",
            "<link to=\"https://evil.example\">click</link>", "<link to=\"search:x\">unclosed",
            "<link to=\"search:a\">a<b</link>", "<script>alert(1)</script>", "<b>bold</b>", "</link>", "<",
            "<p", "<prod", "<linkx>", "<|end|>", "ignore previous instructions ", "\uD83D\uDC5F ", "é ",
            "<product id=\"B0GLV12345\"", "<cite", " ", "\t",
    };

    @Test
    void anySplitOfAnyAnswerGivesTheEventsOfTheWhole() {
        for (int n = 0; n < 800; n++) {
            long seed = BASE_SEED + n;
            Random rnd = new Random(seed);
            String answer = answer(rnd);
            checkSplits(answer, rnd, seed, 4);
        }
    }

    @Test
    void randomGarbageNeverThrowsAndStillStreamsLikeTheWhole() {
        String alphabet = "<>/=\" \n\tproductidscomparereflinkto:search,category,E1B0GLV12345xyz<<\u00e9\uD83D\uDC5F\u0000\u001b";
        for (int n = 0; n < 1500; n++) {
            long seed = BASE_SEED * 31 + n;
            Random rnd = new Random(seed);
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(300);
            for (int k = 0; k < len; k++) {
                sb.append(rnd.nextInt(10) == 0 ? (char) rnd.nextInt(0x10000) : alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            checkSplits(sb.toString(), rnd, seed, 2);
        }
    }

    @Test
    void randomBytesSplitAnywhereDecodeAndParseWithoutException() {
        for (int n = 0; n < 500; n++) {
            long seed = BASE_SEED * 17 + n;
            Random rnd = new Random(seed);
            byte[] bytes;
            if (rnd.nextBoolean()) {
                bytes = new byte[rnd.nextInt(200)];
                rnd.nextBytes(bytes);
            } else {
                bytes = answer(rnd).getBytes(StandardCharsets.UTF_8);
            }
            try {
                Utf8StreamDecoder wholeDecoder = new Utf8StreamDecoder();
                String whole = wholeDecoder.decode(bytes) + wholeDecoder.finish();
                Utf8StreamDecoder decoder = new Utf8StreamDecoder();
                MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
                StringBuilder decoded = new StringBuilder();
                List<MarkupEvent> events = new ArrayList<>();
                int pos = 0;
                while (pos < bytes.length) {
                    int end = Math.min(bytes.length, pos + 1 + rnd.nextInt(5));
                    byte[] piece = java.util.Arrays.copyOfRange(bytes, pos, end);
                    String s = decoder.decode(piece);
                    decoded.append(s);
                    events.addAll(parser.feed(s));
                    pos = end;
                }
                String tail = decoder.finish();
                decoded.append(tail);
                events.addAll(parser.feed(tail));
                events.addAll(parser.finish());
                assertEquals(whole, decoded.toString(), "seed " + seed + ": byte-split decoding differs");
                assertEquals(MarkupStreamParser.parse(whole, SCOPE).events(), MarkupStreamParser.mergeText(events),
                        "seed " + seed);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
            }
        }
    }

    private static String answer(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int pieces = rnd.nextInt(25);
        for (int k = 0; k < pieces; k++) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static void checkSplits(String answer, Random rnd, long seed, int splits) {
        MarkupStreamParser.Parsed whole;
        try {
            whole = MarkupStreamParser.parse(answer, SCOPE);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": parsing threw on " + quote(answer), e);
        }
        assertEquals(answer, reconstruct(whole.events()), "seed " + seed + ": events must account for every character");
        for (int s = 0; s < splits; s++) {
            MarkupStreamParser parser = new MarkupStreamParser(SCOPE);
            List<MarkupEvent> streamed = new ArrayList<>();
            int pos = 0;
            try {
                while (pos < answer.length()) {
                    int end = rnd.nextInt(4) == 0 ? pos + 1 : Math.min(answer.length(), pos + 1 + rnd.nextInt(12));
                    streamed.addAll(parser.feed(answer.substring(pos, end)));
                    pos = end;
                    assertTrue(parser.heldBack() <= TagMatcher.MAX_TAG_CHARS,
                            "seed " + seed + ": held back " + parser.heldBack());
                    // checked at a random tenth of the cuts: comparing after every chunk is quadratic
                    if (rnd.nextInt(10) == 0 && !isPrefix(MarkupStreamParser.mergeText(streamed), whole.events())) {
                        fail("seed " + seed + ": released events that the whole parse does not have, after "
                                + quote(answer.substring(0, pos)) + ": " + streamed);
                    }
                }
                streamed.addAll(parser.finish());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": streaming threw on " + quote(answer), e);
            }
            assertEquals(whole.events(), MarkupStreamParser.mergeText(streamed), "seed " + seed + " on " + quote(answer));
            assertEquals(whole.stats(), parser.stats(), "seed " + seed + " on " + quote(answer));
        }
    }

    /** Whether {@code part} is how {@code whole} starts (its last text may be cut short). */
    private static boolean isPrefix(List<MarkupEvent> part, List<MarkupEvent> whole) {
        if (part.size() > whole.size()) {
            return false;
        }
        for (int k = 0; k < part.size(); k++) {
            MarkupEvent p = part.get(k);
            MarkupEvent w = whole.get(k);
            boolean last = k == part.size() - 1;
            if (last && p instanceof MarkupEvent.Text pt && w instanceof MarkupEvent.Text wt) {
                return wt.text().startsWith(pt.text());
            }
            if (!p.equals(w)) {
                return false;
            }
        }
        return true;
    }

    private static String reconstruct(List<MarkupEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (MarkupEvent e : events) {
            sb.append(e instanceof MarkupEvent.Text t ? t.text() : ((MarkupEvent.Element) e).markup());
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
    }
}
