using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Data;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// The message templates of each Sandbox WABA (reference §5): seeded with a few approved ones (including
/// <c>hello_world</c>) and kept in <c>sandbox-templates.json</c> in the data folder, so what a user creates survives a
/// restart. Thread-safe. The Graph endpoints and the review that approves or rejects new templates build on it.
/// </summary>
public sealed class SandboxTemplates
{
    public const string FileName = "sandbox-templates.json";

    private readonly Lock _gate = new();
    private readonly string _filePath;
    private readonly TimeProvider _time;
    private readonly ILogger<SandboxTemplates> _logger;
    private readonly List<SandboxTemplate> _templates = [];

    public SandboxTemplates(SandboxState state, DataPaths paths, TimeProvider time, ILogger<SandboxTemplates> logger)
    {
        _time = time;
        _logger = logger;
        _filePath = Path.Combine(paths.DataDirectory, FileName);
        if (!Load())
        {
            foreach (var waba in state.Wabas)
            {
                _templates.AddRange(Seed(waba.Id, time.GetUtcNow()));
            }
        }
    }

    /// <summary>Raised after any change (on the thread that made it), with the template that changed.</summary>
    public event Action<SandboxTemplate>? Changed;

    /// <summary>Every template of a WABA (deleted ones excluded), oldest first.</summary>
    public IReadOnlyList<SandboxTemplate> List(string wabaId)
    {
        lock (_gate)
        {
            return _templates.Where(t => t.WabaId == wabaId).ToList();
        }
    }

    public SandboxTemplate? Get(string templateId)
    {
        lock (_gate)
        {
            return _templates.FirstOrDefault(t => t.Id == templateId);
        }
    }

    /// <summary>The template a send names: same WABA, name and exact language code.</summary>
    public SandboxTemplate? Find(string wabaId, string name, string language)
    {
        lock (_gate)
        {
            return _templates.FirstOrDefault(t => t.WabaId == wabaId && t.Name == name && t.Language == language);
        }
    }

    /// <summary>Adds a template (its id is made here) and returns it.</summary>
    public SandboxTemplate Add(string wabaId, string name, string language, string category, string parameterFormat, JsonArray components, string status)
    {
        var now = _time.GetUtcNow();
        var template = new SandboxTemplate(NewId(), wabaId, name, language, category, status, null, "UNKNOWN", parameterFormat, components.ToJsonString(), null, now);
        lock (_gate)
        {
            _templates.Add(template);
            Save();
        }

        Changed?.Invoke(template);
        return template;
    }

    /// <summary>Replaces a template by id with what <paramref name="change"/> makes of it; null when there is none.</summary>
    public SandboxTemplate? Update(string templateId, Func<SandboxTemplate, SandboxTemplate> change)
    {
        SandboxTemplate updated;
        lock (_gate)
        {
            var index = _templates.FindIndex(t => t.Id == templateId);
            if (index < 0)
            {
                return null;
            }

            updated = change(_templates[index]) with { Id = templateId, UpdatedAt = _time.GetUtcNow() };
            _templates[index] = updated;
            Save();
        }

        Changed?.Invoke(updated);
        return updated;
    }

    /// <summary>Removes the templates matching <paramref name="match"/>; returns what was removed.</summary>
    public IReadOnlyList<SandboxTemplate> Remove(Func<SandboxTemplate, bool> match)
    {
        List<SandboxTemplate> removed;
        lock (_gate)
        {
            removed = _templates.Where(match).ToList();
            _templates.RemoveAll(t => removed.Contains(t));
            if (removed.Count > 0)
            {
                Save();
            }
        }

        foreach (var template in removed)
        {
            Changed?.Invoke(template with { Status = "DELETED" });
        }

        return removed;
    }

    private static IEnumerable<SandboxTemplate> Seed(string wabaId, DateTimeOffset now)
    {
        SandboxTemplate Approved(string name, string language, string category, string components) =>
            new(SeedId(wabaId, name, language), wabaId, name, language, category, "APPROVED", null, "GREEN", "POSITIONAL", components, null, now);

        yield return Approved("hello_world", "en_US", "UTILITY", """
            [{"type":"HEADER","format":"TEXT","text":"Hello World"},
             {"type":"BODY","text":"Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us."},
             {"type":"FOOTER","text":"WhatsApp Business Platform sample message"}]
            """);
        yield return Approved("order_update", "en_US", "UTILITY", """
            [{"type":"BODY","text":"Hi {{1}}, your order {{2}} is on its way and should arrive by {{3}}.","example":{"body_text":[["Mark","#10482","Friday"]]}},
             {"type":"FOOTER","text":"Reply STOP to opt out"},
             {"type":"BUTTONS","buttons":[{"type":"URL","text":"Track order","url":"https://example.com/track/{{1}}","example":["10482"]},{"type":"QUICK_REPLY","text":"Talk to us"}]}]
            """);
        yield return Approved("order_update", "es", "UTILITY", """
            [{"type":"BODY","text":"Hola {{1}}, tu pedido {{2}} está en camino y llegará el {{3}}.","example":{"body_text":[["Marta","#10482","viernes"]]}},
             {"type":"BUTTONS","buttons":[{"type":"URL","text":"Seguir pedido","url":"https://example.com/track/{{1}}","example":["10482"]},{"type":"QUICK_REPLY","text":"Hablar con nosotros"}]}]
            """);
        yield return Approved("follow_up", "en_US", "MARKETING", """
            [{"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1hZ2UvanBlZw==:sandbox"]}},
             {"type":"BODY","text":"Hi {{1}}, we have not heard from you in a while. Is there anything else we can help you with?","example":{"body_text":[["Mark"]]}},
             {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Yes, please"},{"type":"QUICK_REPLY","text":"No, thanks"}]}]
            """);
        yield return new SandboxTemplate(SeedId(wabaId, "spring_sale", "en_US"), wabaId, "spring_sale", "en_US", "MARKETING", "PAUSED", null, "RED", "POSITIONAL", """
            [{"type":"BODY","text":"Our spring sale starts today: {{1}} off everything in store!","example":{"body_text":[["20%"]]}}]
            """, null, now);
    }

    /// <summary>A seeded template's id: 15 digits like Meta's, the same on every start.</summary>
    private static string SeedId(string wabaId, string name, string language) =>
        Digits(SHA256.HashData(Encoding.UTF8.GetBytes($"{wabaId}:{name}:{language}")));

    /// <summary>A new template's id: 15 random digits.</summary>
    private static string NewId() => Digits(RandomNumberGenerator.GetBytes(8));

    private static string Digits(byte[] bytes) =>
        (100_000_000_000_000UL + (BitConverter.ToUInt64(bytes, 0) % 900_000_000_000_000UL)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private bool Load()
    {
        if (!File.Exists(_filePath))
        {
            return false;
        }

        try
        {
            var saved = JsonSerializer.Deserialize<List<SandboxTemplate>>(File.ReadAllText(_filePath), SandboxJson.Options);
            if (saved is null)
            {
                return false;
            }

            _templates.AddRange(saved);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            _logger.LogWarning(exception, "The Sandbox templates file could not be read; starting from the seeded templates");
            return false;
        }
    }

    private void Save()
    {
        var temporary = _filePath + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
        File.WriteAllText(temporary, JsonSerializer.Serialize(_templates, SandboxJson.Options));
        File.Move(temporary, _filePath, overwrite: true);
    }
}
