namespace WeightInit.Kernels;

/// <summary>
/// An elementwise operation of up to three inputs and one output, written once for registers of any width (in the
/// style of the operator structs of <c>System.Numerics.Tensors.TensorPrimitives</c>), computed in double and run over
/// spans by <see cref="SimdMap"/> or summed by <see cref="SimdReduce.Sum{TOp, T}"/>.
/// </summary>
internal interface IMapOperator
{
    /// <summary>How many of the inputs a, b, c the operation reads (1 to 3); the others are passed as zeros.</summary>
    static abstract int Inputs { get; }

    /// <summary>The output for one register of each input.</summary>
    TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>;
}

/// <summary>
/// The special case of <see cref="IMapOperator"/> with two outputs, for an operation whose two results share their
/// work (an activation and its slope, an optimizer's weight and velocity); run by the same driver,
/// <see cref="SimdMap"/>.
/// </summary>
internal interface IPairMapOperator
{
    /// <summary>How many of the inputs a, b, c the operation reads (1 to 3); the others are passed as zeros.</summary>
    static abstract int Inputs { get; }

    /// <summary>How many outputs the driver stores: 2, unless the operation is a one-output one in disguise.</summary>
    static virtual int Outputs => 2;

    /// <summary>The first output for one register of each input; the second in <paramref name="second"/>.</summary>
    TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>;
}

/// <summary>An accumulation over the elements of up to three inputs into one or two sums, run by
/// <see cref="SimdReduce"/>.</summary>
internal interface IReduceOperator
{
    /// <summary>How many of the inputs a, b, c it reads (1 to 3).</summary>
    static abstract int Inputs { get; }

    /// <summary>Adds one register of elements into the running sums (each lane its own sum).</summary>
    void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>;
}
