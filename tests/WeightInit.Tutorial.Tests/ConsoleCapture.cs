namespace WeightInit.Tutorial.Tests;

/// <summary>Runs an action with the console redirected and returns what it printed.</summary>
internal static class ConsoleCapture
{
    private static readonly Lock Gate = new();

    public static string Run(Action action)
    {
        lock (Gate)
        {
            var previous = Console.Out;
            var writer = new StringWriter();
            Console.SetOut(writer);
            try
            {
                action();
            }
            finally
            {
                Console.SetOut(previous);
            }
            return writer.ToString();
        }
    }
}
