namespace WeightInit.Tutorial.Apps;

/// <summary>A notebook app cannot run where or how it was started; the message says what to run instead.</summary>
/// <param name="message">What is wrong and the command to run.</param>
public sealed class AppSetupException(string message) : Exception(message);
