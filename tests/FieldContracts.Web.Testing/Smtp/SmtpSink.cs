using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FieldContracts.Web.Testing.Smtp;

/// <summary>
/// A real SMTP server on a free loopback port (python3-aiosmtpd from Debian, run by /usr/bin/python3), saving each
/// message it accepts to a folder. Stopped and its folder deleted on dispose; <see cref="StopAsync"/> and
/// <see cref="Restart"/> take it down and up on the same port, to test delivery against a server that is away.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    // Beside this file in the source tree: the tests run where they were built.
    private static readonly string Script = Path.Combine(Path.GetDirectoryName(SourceFile())!, "smtp_sink.py");
    private Process? _server;

    private SmtpSink(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    private int DelayMilliseconds { get; init; }

    public string Folder { get; }

    /// <summary>Starts a sink on a free loopback port; with a delay, it takes that long to accept each message.</summary>
    public static SmtpSink Start(TimeSpan? delayPerMessage = null)
    {
        var sink = new SmtpSink(FreePort(), Directory.CreateTempSubdirectory("fieldcontracts-smtp-").FullName)
        {
            DelayMilliseconds = (int)(delayPerMessage ?? TimeSpan.Zero).TotalMilliseconds,
        };
        sink.Restart();
        return sink;
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Restart()
    {
        var info = new ProcessStartInfo("/usr/bin/python3",
            [Script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder, DelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        _server = Process.Start(info) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        var ready = _server.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
        {
            throw new InvalidOperationException($"The SMTP sink did not start: {_server.StandardError.ReadToEnd()}");
        }
    }

    public async Task StopAsync()
    {
        if (_server is { HasExited: false } server)
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(10_000))
            {
                server.Kill();
            }

            await server.WaitForExitAsync();
        }

        _server = null;
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<ReceivedMail> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Select(f => ReceivedMail.Parse(File.ReadAllText(f))).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (or the time is up) and returns them.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (Directory.GetFiles(Folder, "*.eml").Length < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return Messages();
    }

    public void Clear()
    {
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temporary-file cleaning.
        }
    }
}

/// <summary>A message as the SMTP server received it: envelope recipients, headers and the decoded text.</summary>
public sealed partial record ReceivedMail(IReadOnlyList<string> EnvelopeTo, string MessageId, string Subject, string To, string Text)
{
    public static ReceivedMail Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var i and >= 0 ? i : raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = raw[..split];
        var body = raw[split..].Trim();
        string Header(string name) => HeaderLine().Matches(Unfold(head))
            .FirstOrDefault(m => string.Equals(m.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase))?.Groups[2].Value.Trim() ?? "";
        var text = Header("Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim()))))
            : Header("Content-Transfer-Encoding").Equals("quoted-printable", StringComparison.OrdinalIgnoreCase) ? DecodeQuotedPrintable(body) : body;
        return new ReceivedMail(Header("X-Envelope-To").Split(", "), Header("Message-ID"), DecodeWord(Header("Subject")), Header("To"), text);
    }

    private static string Unfold(string head) => head.Replace("\r\n ", " ").Replace("\r\n\t", " ").Replace("\n ", " ");

    private static string DecodeWord(string value) => EncodedWord().Replace(value, m => m.Groups[2].Value.ToUpperInvariant() == "B"
        ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
        : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' '))).Replace("?= =?", "");

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var s = text.Replace("=\r\n", "").Replace("=\n", "");
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"^([A-Za-z-]+):(.*)$", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
