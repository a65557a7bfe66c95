using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// Meta-shaped webhook bodies (reference §7.2–7.4): one entry for the WABA, one change per event, each message
/// with its own contact; ids as strings, timestamps as Unix seconds in strings.
/// </summary>
public sealed class WebhookPayloads(BenchmarkOptions options)
{
    private const string DisplayPhoneNumber = "15550000000";
    private const int Customers = 500;
    private static readonly string[] StatusOrder = ["sent", "delivered", "read"];

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.AppSecret);

    // A key the inbox does not know: its signatures look right and never match.
    private readonly byte[] _wrongSecret = RandomNumberGenerator.GetBytes(32);

    /// <summary>The wamid of message number <paramref name="sequence"/> of this run: unique and reproducible.</summary>
    public string WamidOf(long sequence) => $"wamid.BENCH{options.RunId}{sequence:D9}";

    public static string CustomerOf(long sequence) => (19_990_000_000L + (sequence % Customers)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Inbound text messages <paramref name="first"/> … first+count−1.</summary>
    public byte[] Messages(long first, int count, DateTimeOffset now) => TextMessages(first, count, now, WamidOf);

    /// <summary>Bodies shaped like <see cref="Messages"/> for the flood of bad signatures, with wamids no genuine message uses.</summary>
    public byte[] ForgedMessages(long first, int count, DateTimeOffset now) =>
        TextMessages(first, count, now, sequence => $"wamid.FORGED{options.RunId}{sequence:D9}");

    /// <summary>Status events <paramref name="first"/> … : for message n, events 3n, 3n+1, 3n+2 are sent, delivered, read.</summary>
    public byte[] Statuses(long first, int count, DateTimeOffset now) => Envelope(writer =>
    {
        for (var sequence = first; sequence < first + count; sequence++)
        {
            var message = sequence / StatusOrder.Length;
            var status = StatusOrder[sequence % StatusOrder.Length];
            ChangeStart(writer);
            writer.WriteStartArray("statuses");
            writer.WriteStartObject();
            writer.WriteString("id", WamidOf(message));
            writer.WriteString("status", status);
            writer.WriteString("timestamp", UnixSeconds(now));
            writer.WriteString("recipient_id", CustomerOf(message));
            writer.WriteStartObject("pricing");
            writer.WriteBoolean("billable", false);
            writer.WriteString("pricing_model", "PMP");
            writer.WriteString("type", "free_customer_service");
            writer.WriteString("category", "service");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            ChangeEnd(writer);
        }
    });

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of exactly these bytes with the App Secret.</summary>
    public string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, body));

    /// <summary>A well-formed <c>sha256=</c> signature of these bytes with a key that is not the App Secret.</summary>
    public string SignWrongly(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_wrongSecret, body));

    private byte[] TextMessages(long first, int count, DateTimeOffset now, Func<long, string> wamidOf) => Envelope(writer =>
    {
        for (var sequence = first; sequence < first + count; sequence++)
        {
            var customer = CustomerOf(sequence);
            ChangeStart(writer);
            writer.WriteStartArray("contacts");
            writer.WriteStartObject();
            writer.WriteStartObject("profile");
            writer.WriteString("name", $"Bench Customer {sequence % Customers}");
            writer.WriteEndObject();
            writer.WriteString("wa_id", customer);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("from", customer);
            writer.WriteString("id", wamidOf(sequence));
            writer.WriteString("timestamp", UnixSeconds(now));
            writer.WriteString("type", "text");
            writer.WriteStartObject("text");
            writer.WriteString("body", $"Benchmark message {sequence}");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            ChangeEnd(writer);
        }
    });

    private byte[] Envelope(Action<Utf8JsonWriter> writeChanges)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("object", "whatsapp_business_account");
            writer.WriteStartArray("entry");
            writer.WriteStartObject();
            writer.WriteString("id", options.WabaId);
            writer.WriteStartArray("changes");
            writeChanges(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private void ChangeStart(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("field", "messages");
        writer.WriteStartObject("value");
        writer.WriteString("messaging_product", "whatsapp");
        writer.WriteStartObject("metadata");
        writer.WriteString("display_phone_number", DisplayPhoneNumber);
        writer.WriteString("phone_number_id", options.PhoneNumberId);
        writer.WriteEndObject();
    }

    private static void ChangeEnd(Utf8JsonWriter writer)
    {
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string UnixSeconds(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
