using System.Globalization;
using WeightInit.Notebooks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return await Tool.RunAsync(args, Console.Out, Console.Error);
