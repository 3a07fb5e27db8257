namespace WeightInit.Kernels;

/// <summary>A row count as a type, so that a register-blocked kernel specialized for it has its row tests folded by the
/// JIT.</summary>
internal interface IRowCount
{
    /// <summary>The number of rows.</summary>
    static abstract int Value { get; }
}

/// <summary>1 row.</summary>
internal readonly struct Rows1 : IRowCount { public static int Value => 1; }

/// <summary>2 rows.</summary>
internal readonly struct Rows2 : IRowCount { public static int Value => 2; }

/// <summary>3 rows.</summary>
internal readonly struct Rows3 : IRowCount { public static int Value => 3; }

/// <summary>4 rows.</summary>
internal readonly struct Rows4 : IRowCount { public static int Value => 4; }

/// <summary>5 rows.</summary>
internal readonly struct Rows5 : IRowCount { public static int Value => 5; }

/// <summary>6 rows.</summary>
internal readonly struct Rows6 : IRowCount { public static int Value => 6; }

/// <summary>7 rows.</summary>
internal readonly struct Rows7 : IRowCount { public static int Value => 7; }

/// <summary>8 rows.</summary>
internal readonly struct Rows8 : IRowCount { public static int Value => 8; }
