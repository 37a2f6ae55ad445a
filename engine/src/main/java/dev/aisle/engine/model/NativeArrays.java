package dev.aisle.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;

/**
 * Arrays filled from Java data whose memory PyTorch owns. Use these instead of {@code NDManager.create(float[]
 * | int[] | long[] | Number)} for anything created per step, and for every constant an autograd graph uses.
 *
 * <p>Why: DJL's {@code create} copies the data into a direct {@code ByteBuffer} and gives PyTorch a tensor
 * <em>over that buffer</em> ({@code from_blob}: no copy, no deleter); only the Java NDArray keeps the buffer
 * reachable, and {@code close()} drops that reference. The buffer's memory is then returned whenever the
 * garbage collector gets to it, which has two effects (both measured, see docs/notes/serving2.md):
 * <ul>
 *   <li>each step leaves its inputs (attention masks, RoPE tables, ids) behind as direct memory until the
 *       next collection; with a multi-GB heap and little Java garbage that is rare, so the resident size grows
 *       by megabytes per step, up to {@code -XX:MaxDirectMemorySize} (= {@code -Xmx}) on top of the heap;</li>
 *   <li>a tensor that outlives its NDArray still points at the buffer: autograd saves the exponent of
 *       {@code pow(Number)} and the factor of {@code mul(Number)} (DJL creates and closes those scalars inside
 *       the call) for the backward pass, which then reads freed memory if a collection ran in between, and the
 *       gradient is garbage or NaN.</li>
 * </ul>
 * Here the tensor is allocated by PyTorch ({@code torch.empty}) and the data copied into it through a direct
 * view of that memory, so {@code close()} (or the manager's) frees it at once, and whatever else holds the
 * tensor (an autograd node, a view) keeps it alive by reference count.
 */
public final class NativeArrays {

    private NativeArrays() {
    }

    public static NDArray of(NDManager manager, float[] data, Shape shape) {
        NDArray a = empty(manager, data.length, shape, DataType.FLOAT32);
        if (data.length > 0) {
            view(a).asFloatBuffer().put(data);
        }
        return a;
    }

    public static NDArray of(NDManager manager, int[] data, Shape shape) {
        NDArray a = empty(manager, data.length, shape, DataType.INT32);
        if (data.length > 0) {
            view(a).asIntBuffer().put(data);
        }
        return a;
    }

    public static NDArray of(NDManager manager, long[] data, Shape shape) {
        NDArray a = empty(manager, data.length, shape, DataType.INT64);
        if (data.length > 0) {
            view(a).asLongBuffer().put(data);
        }
        return a;
    }

    /** A 1-D float32 array. */
    public static NDArray of(NDManager manager, float[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /** A 1-D int64 array (indices). */
    public static NDArray of(NDManager manager, long[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /** A 0-dimensional float32 constant, as DJL's {@code create(float)} makes for {@code x.mul(2f)}. */
    public static NDArray scalar(NDManager manager, float value) {
        return of(manager, new float[]{value}, new Shape());
    }

    private static NDArray empty(NDManager manager, int length, Shape shape, DataType type) {
        if (shape.size() != length) {
            throw new IllegalArgumentException("shape " + shape + " holds " + shape.size() + " values but "
                    + length + " were given");
        }
        return manager.create(shape, type);
    }

    /** The array's own memory as a direct buffer (valid until the array is closed; never kept). */
    private static ByteBuffer view(NDArray a) {
        ByteBuffer b = a.toByteBuffer(true);
        if (!b.isDirect()) {
            throw new IllegalStateException("engine " + a.getManager().getEngine().getEngineName()
                    + " gave no direct view of a new dense array");
        }
        return b;
    }
}
