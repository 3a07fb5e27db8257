using System.Numerics;
using System.Runtime.CompilerServices;

namespace WeightInit.Kernels;

/// <summary>
/// The number of finite values of a float or double span and their minimum and maximum, in one pass at the width of
/// a <see cref="SimdPath"/> (the library's one such pass: the statistics, the trainer's diagnostics). Every result is
/// exact, so it is the same on every path.
/// </summary>
internal static unsafe class FiniteRange
{
    /// <summary>(count, min, max) of the finite values; min = +infinity and max = -infinity when there is
    /// none.</summary>
    public static (long Count, double Min, double Max) Of<T>(ReadOnlySpan<T> values, SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* p = values)
        {
            var body = new Body<T>(p, values.Length);
            SimdDispatch.Run<T, Body<T>>(path, ref body);
            return body.Result;
        }
    }

    private struct Body<T>(T* values, int n) : ISimdAction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public (long Count, double Min, double Max) Result;

        public void Run<TV>() where TV : struct, ISimdVector<TV, T> => Result = Pass<TV>(values, n);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static (long, double, double) Pass<TV>(T* values, int n) where TV : struct, ISimdVector<TV, T>
        {
            int lanes = TV.Count, end = n - n % lanes;
            var plus = TV.Create(T.PositiveInfinity);
            var minus = TV.Create(T.NegativeInfinity);
            TV vMin = plus, vMax = minus, vCount = TV.Zero;
            for (int i = 0; i < end; i += lanes)
            {
                var x = TV.Load(values + i);
                var finite = TV.Equal(x - x, TV.Zero);
                vMin = TV.Min(vMin, TV.ConditionalSelect(finite, x, plus));
                vMax = TV.Max(vMax, TV.ConditionalSelect(finite, x, minus));
                vCount = TV.SubtractBits(vCount, finite); // a true mask is -1: one more finite value in that lane
            }
            long count = 0;
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int l = 0; l < lanes; l++)
            {
                min = Math.Min(min, double.CreateTruncating(TV.GetElement(vMin, l)));
                max = Math.Max(max, double.CreateTruncating(TV.GetElement(vMax, l)));
                T c = TV.GetElement(vCount, l);
                count += typeof(T) == typeof(float) ? Unsafe.As<T, uint>(ref c) : (long)Unsafe.As<T, ulong>(ref c);
            }
            for (int i = end; i < n; i++)
            {
                T x = values[i];
                if (!T.IsFinite(x)) continue;
                count++;
                double d = double.CreateTruncating(x);
                min = Math.Min(min, d);
                max = Math.Max(max, d);
            }
            return (count, min, max);
        }
    }
}
