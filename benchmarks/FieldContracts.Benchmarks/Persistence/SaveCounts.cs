using System.Globalization;

namespace FieldContracts.Benchmarks.Persistence;

/// <summary>
/// What one call of a save benchmark wrote and how many commands it took, counted once in the global setup.
/// Benchmarks run in a child process, so the counts are handed to the columns in a file.
/// </summary>
internal sealed record SaveCounts(int Rows, int LoadCommands, int SaveCommands, int Inserts, int LargestBatch, int Parameters)
{
    public static string FilePath(string benchmark, string provider) =>
        Path.Combine(Path.GetTempPath(), $"fieldcontracts-plan-save-{benchmark}-{provider}.txt");

    /// <summary>Removes the counts of an earlier run, so a case that fails shows none.</summary>
    public static void Clear(string benchmark, string provider) => File.Delete(FilePath(benchmark, provider));

    public void Write(string benchmark, string provider) => File.WriteAllText(FilePath(benchmark, provider),
        string.Join(' ', new[] { Rows, LoadCommands, SaveCommands, Inserts, LargestBatch, Parameters }
            .Select(n => n.ToString(CultureInfo.InvariantCulture))));

    public static SaveCounts? Read(string benchmark, string provider)
    {
        var path = FilePath(benchmark, provider);
        if (!File.Exists(path))
        {
            return null;
        }

        var n = File.ReadAllText(path).Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new SaveCounts(n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
