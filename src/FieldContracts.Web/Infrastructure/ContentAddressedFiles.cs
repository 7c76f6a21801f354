namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// Files kept under a directory by the SHA-256 of their bytes, <c>{first two hex digits}/{sha256}</c>: the same bytes are
/// stored once, and a name never changes what it holds. Photos of visits and documents handed in are kept so.
/// </summary>
public static class ContentAddressedFiles
{
    /// <summary>Where bytes of <paramref name="sha256"/> go, relative to the directory.</summary>
    public static string PathOf(string sha256) => $"{sha256[..2]}/{sha256}";

    /// <summary>
    /// Writes the bytes to a temporary file and moves it into place, so a reader never sees half a file. Called before the
    /// database transaction: if that fails, the file stays as an orphan, which is harmless (a later upload of the same
    /// bytes reuses it).
    /// </summary>
    public static async Task WriteAsync(string directory, string sha256, byte[] bytes, CancellationToken ct)
    {
        var path = Path.Combine(directory, PathOf(sha256));
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file at <paramref name="relativePath"/> inside the directory, or null when there is none (or the path leaves it).</summary>
    public static Stream? Open(string directory, string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(directory, relativePath));
        return path.StartsWith(directory, StringComparison.Ordinal) && File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>A directory from configuration (<paramref name="key"/>), else <paramref name="name"/> inside <c>Storage:DataDirectory</c>.</summary>
    public static string DirectoryFrom(IConfiguration configuration, IHostEnvironment environment, string key, string name)
    {
        var configured = configuration[key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var data = configuration["Storage:DataDirectory"];
            configured = Path.Combine(string.IsNullOrWhiteSpace(data) ? "data" : data, name);
        }

        return Path.GetFullPath(configured, environment.ContentRootPath);
    }
}
