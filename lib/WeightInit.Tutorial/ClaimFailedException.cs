namespace WeightInit.Tutorial;

/// <summary>A claim of a notebook that its own experiment contradicts.</summary>
/// <param name="claim">The claim in words.</param>
/// <param name="evidence">What was measured.</param>
/// <param name="message">The whole message, starting with <see cref="Claim.FailsMark"/>.</param>
public sealed class ClaimFailedException(string claim, string evidence, string message) : Exception(message)
{
    /// <summary>The claim in words.</summary>
    public string Claim { get; } = claim;

    /// <summary>What was measured.</summary>
    public string Evidence { get; } = evidence;
}
