using System.Text.RegularExpressions;
using CsvHelper;
using FieldContracts.Testing;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace FieldContracts.Web.Tests.Features.Shared;

/// <summary>What a PDF or a CSV the application made says, read by real parsers (PdfPig, CsvHelper).</summary>
internal static partial class DocumentText
{
    /// <summary>Each page's words, whitespace collapsed.</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return document.GetPages().Select(p => Normalise(string.Join(" ", p.GetWords().Select(w => w.Text)))).ToList();
    }

    /// <summary>Every page's words, whitespace collapsed.</summary>
    public static string Text(byte[] pdf) => Normalise(string.Join(" ", PageTexts(pdf)));

    public static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    public static void AssertContainsAll(string text, params string[] expected)
    {
        foreach (var e in expected)
        {
            Assert.True(text.Contains(Normalise(e), StringComparison.Ordinal), $"Missing: {e}\nin: {text}");
        }
    }

    /// <summary>The path of a source document; the seeds sit in shared/ beside the repository, on a developer's machine and on CI alike.</summary>
    public static string SeedPath(string name)
    {
        var path = Path.GetFullPath(Path.Combine(Repository.Root(), "..", "shared", "seeds", name));
        Assert.True(File.Exists(path), $"The bid's text is expected at {path}.");
        return path;
    }

    /// <summary>The CSV's header and its rows by column name; every row has as many fields as the header.</summary>
    public static (string[] Headers, List<Dictionary<string, string>> Rows) ReadCsv(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = ',' });
        var headers = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            Assert.Equal(headers.Length, fields.Length);
            rows.Add(headers.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return (headers, rows);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
