namespace FieldContracts.Testing;

public static class Repository
{
    /// <summary>The repository root: the nearest folder above the test binaries holding FieldContracts.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FieldContracts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FieldContracts.sln above {AppContext.BaseDirectory}.");
    }
}
