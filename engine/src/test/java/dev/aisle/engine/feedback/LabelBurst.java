package dev.aisle.engine.feedback;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A child annotator process for the durability and multi-process tests. It prints "ACK id" once
 * each label call has returned — the moment a UI would show "saved".
 *
 * <pre>
 * LabelBurst DB_BASE rate RESPONSE_ID ANNOTATOR COUNT   (COUNT 0: until killed)
 * LabelBurst DB_BASE claim QUEUE ANNOTATOR              (claims and rates tasks until none is left)
 * </pre>
 */
public final class LabelBurst {

    private LabelBurst() {
    }

    public static void main(String[] args) {
        try (FeedbackStore store = new FeedbackStore(FeedbackDatabase.embedded(Path.of(args[0])))) {
            System.out.println("READY");
            System.out.flush();
            if (args[1].equals("rate")) {
                long response = Long.parseLong(args[2]);
                long count = Long.parseLong(args[4]);
                for (long i = 0; count == 0 || i < count; i++) {
                    Rating r = store.rate(new NewRating(response, args[3], i % 3 == 0 ? Thumb.DOWN : Thumb.UP,
                            Set.of("burst"), "label " + i));
                    System.out.println("ACK " + r.id());
                    System.out.flush();
                }
            } else {
                var task = store.tasks().claimNext(args[2], args[3]);
                while (task.isPresent()) {
                    Rating r = store.rate(new NewRating(task.get().responseA(), args[3], Thumb.UP, Set.of(), "",
                            OptionalLong.of(task.get().id())));
                    System.out.println("ACK " + r.id());
                    System.out.flush();
                    task = store.tasks().claimNext(args[2], args[3]);
                }
            }
        }
        System.out.println("DONE");
    }
}
