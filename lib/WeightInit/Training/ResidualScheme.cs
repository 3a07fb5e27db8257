namespace WeightInit.Training;

/// <summary>
/// How <see cref="ResidualNetwork"/> initializes the residual blocks y = x + alpha F(x) of a network
/// of L blocks whose branches F hold m dense layers each.
/// </summary>
public enum ResidualScheme
{
    /// <summary>
    /// Every branch layer variance-preserving on its own (He normal before a ReLU, LeCun normal for the
    /// branch's last, linear layer) and alpha = 1 fixed. F(x) then has about the second moment of x and is
    /// uncorrelated with it, so each block about doubles the activation variance: 2^l after l blocks
    /// (with batch normalization at the end of the branch, F(x) has unit variance instead and the variance
    /// grows by about 1 per block).
    /// </summary>
    Standard,

    /// <summary>
    /// Fixup (Zhang, Dauphin &amp; Ma 2019, "Fixup Initialization: Residual Learning Without
    /// Normalization"): the standard draws, then the last layer of every branch and the classification
    /// layer set to 0, the other branch layers scaled by L^(-1/(2m-2)), and a learnable scalar
    /// multiplier alpha = 1 on every branch. Each block is the identity at step 0. Needs m &gt;= 2.
    /// (The paper's scalar biases before each layer are subsumed here by the dense layers' own biases.)
    /// </summary>
    Fixup,

    /// <summary>
    /// SkipInit (De &amp; Smith 2020, "Batch Normalization Biases Residual Blocks Towards the Identity
    /// Function in Deep Networks"): the standard draws and a learnable alpha = 0, so each block is the
    /// identity at step 0.
    /// </summary>
    SkipInit,

    /// <summary>
    /// ReZero (Bachlechner, Majumder, Mao, Cottrell &amp; McAuley 2020, "ReZero is All You Need: Fast
    /// Convergence at Large Depth"): x + alpha F(x) with a learnable alpha = 0. In this block it is the
    /// same network as <see cref="SkipInit"/>; the two papers differ in where they apply it (ReZero also
    /// removes the normalization of Transformers and fully connected networks; SkipInit replaces batch
    /// normalization in ResNets) and in their training recipes.
    /// </summary>
    ReZero,
}
