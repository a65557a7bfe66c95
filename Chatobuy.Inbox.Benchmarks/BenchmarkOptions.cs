using System.Globalization;
using System.Net;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>The command line, checked: a loopback webhook URL, the channel's App Secret and ids, and the load shape.</summary>
public sealed record BenchmarkOptions(
    Uri Url,
    string AppSecret,
    string PhoneNumberId,
    string WabaId,
    int Messages,
    IReadOnlyList<int> BatchSizes,
    int Concurrency,
    bool Statuses,
    string RunId,
    bool RunIdGiven,
    int Flood,
    bool Bare,
    int ForwardDelayMilliseconds = -1,
    string? ApiKey = null)
{
    public const string Usage = """
        Posts signed WhatsApp Cloud API webhooks at a running inbox and prints throughput and ack latency.

        dotnet run -c Release --project Chatobuy.Inbox.Benchmarks -- \
            --url http://localhost:5080/webhooks/whatsapp/<channelId> --app-secret <secret> \
            --phone-number-id <id> --waba-id <id> [--messages 5000] [--batch 1,50] [--concurrency 8] \
            [--statuses [--run-id <id of an earlier run>]] [--flood <connections>] [--bare]
            [--forward <receiver delay ms> --api-key <key>]

          --url              the channel's webhook URL (or the app-level /webhooks/whatsapp); loopback only
                             (localhost, 127.0.0.0/8, [::1])
          --app-secret       the channel's Meta App Secret (signs every body)
          --phone-number-id  the channel's phone number id (metadata.phone_number_id)
          --waba-id          the WhatsApp Business Account id (entry[].id)
          --messages         messages (or status events) per phase, default 5000
          --batch            messages per POST; a comma list runs one phase each, default 1,50
          --concurrency      POSTs in flight at once, default 8
          --statuses         post sent/delivered/read for earlier messages instead of new messages; with
                             --run-id, for the first --messages messages of that run; without, it first posts
                             the messages itself
          --flood            runs each messages phase twice: first alone (the reference), then again on fresh
                             wamids while this many extra connections keep POSTing the same kind of bodies to the
                             same URL with a wrong X-Hub-Signature-256 (half of them with none); prints both, and
                             the refused POSTs per second and their status codes (401 expected). Default 0 (off)
          --bare             also runs every phase, first, against a bare receiver started in this process (reads
                             the body, checks the HMAC, parses the JSON, stores nothing) and prints the inbox's
                             figures as a share of it: the limit any receiver reaches on this machine
          --forward          runs each messages phase again (fresh wamids) with the channel's forwarding webhook
                             pointed at a slow receiver started in this process (answers 200 after this many ms),
                             set and cleared through the integration API (--api-key); prints the ack figures beside
                             the phase without forwarding, and how many events the receiver got
        """;

    /// <summary>Reads the arguments; returns null and the reason when they do not make a safe, complete run.</summary>
    public static (BenchmarkOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var statuses = false;
        var bare = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--statuses")
            {
                statuses = true;
                continue;
            }

            if (name is "--bare")
            {
                bare = true;
                continue;
            }

            if (name is "--help" or "-h")
            {
                return (null, "");
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return (null, $"Unexpected argument '{name}'.");
            }

            values[name[2..]] = args[++i];
        }

        foreach (var required in new[] { "url", "app-secret", "phone-number-id", "waba-id" })
        {
            if (!values.TryGetValue(required, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return (null, $"--{required} is required.");
            }
        }

        if (!Uri.TryCreate(values["url"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return (null, "--url must be an absolute http(s) URL, e.g. http://localhost:5080/webhooks/whatsapp/<channelId>.");
        }

        if (!IsLoopback(url))
        {
            return (null, $"Refusing to send load to {url.Host}: the benchmark only targets this machine (localhost, 127.0.0.0/8 or [::1]).");
        }

        if (!TryReadCount(values, "messages", 5000, 1, 10_000_000, out var messages)
            || !TryReadCount(values, "concurrency", 8, 1, 1024, out var concurrency))
        {
            return (null, "--messages must be 1 to 10,000,000 and --concurrency 1 to 1024.");
        }

        if (!TryReadCount(values, "flood", 0, 0, 1024, out var flood))
        {
            return (null, "--flood takes the number of flooding connections, 0 to 1024.");
        }

        var batches = new List<int>();
        foreach (var part in (values.GetValueOrDefault("batch") ?? "1,50").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var batch) || batch is < 1 or > 1000)
            {
                return (null, "--batch takes sizes from 1 to 1000, e.g. --batch 1 or --batch 1,50.");
            }

            batches.Add(batch);
        }

        if (batches.Count == 0)
        {
            return (null, "--batch takes sizes from 1 to 1000, e.g. --batch 1 or --batch 1,50.");
        }

        var runId = values.GetValueOrDefault("run-id");
        if (runId is not null && (runId.Length is 0 or > 32 || !runId.All(char.IsAsciiLetterOrDigit)))
        {
            return (null, "--run-id is the letters and digits an earlier run printed.");
        }

        var forward = -1;
        if (values.TryGetValue("forward", out var forwardText))
        {
            if (!int.TryParse(forwardText, NumberStyles.None, CultureInfo.InvariantCulture, out forward) || forward > 60_000)
            {
                return (null, "--forward takes the slow receiver's delay in milliseconds, 0 to 60,000.");
            }

            if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("api-key")) || ChannelForwarding.ChannelIdOf(url) is null)
            {
                return (null, "--forward needs --api-key (an integration API key) and a channel's webhook URL (/webhooks/whatsapp/<channelId>).");
            }

            if (statuses && runId is not null)
            {
                return (null, "--forward forwards the messages phases, and --statuses --run-id posts no messages: leave out one of them.");
            }
        }

        if (flood > 0 && statuses && runId is not null)
        {
            return (null, "--flood floods the messages phases, and --statuses --run-id posts no messages: leave out one of them.");
        }

        return (new BenchmarkOptions(
            url,
            values["app-secret"],
            values["phone-number-id"],
            values["waba-id"],
            messages,
            batches,
            concurrency,
            statuses,
            runId ?? Guid.NewGuid().ToString("N")[..12],
            runId is not null,
            flood,
            bare,
            forward,
            values.GetValueOrDefault("api-key")), null);
    }

    public static bool IsLoopback(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    private static bool TryReadCount(Dictionary<string, string> values, string name, int fallback, int min, int max, out int count)
    {
        count = fallback;
        return !values.TryGetValue(name, out var text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= min && count <= max);
    }
}
