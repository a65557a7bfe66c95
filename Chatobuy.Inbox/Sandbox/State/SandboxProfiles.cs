using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Data;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// The business profiles of the seeded numbers (one of them with no vertical yet), validated and changed like Meta's
/// (reference §6.2), kept in <c>sandbox-profiles.json</c> with the pictures beside it so they survive a restart.
/// Thread-safe.
/// </summary>
public sealed class SandboxProfiles
{
    public const string FileName = "sandbox-profiles.json";
    public const string PictureFolderName = "sandbox-profile-pictures";
    public const string PicturePath = "/sandbox/media/profile";
    public const string Unset = "UNDEFINED";

    /// <summary>The 21 values Meta accepts on POST (reference §6.2).</summary>
    public static readonly IReadOnlyList<string> Verticals =
    [
        "OTHER", "AUTO", "BEAUTY", "APPAREL", "EDU", "ENTERTAIN", "EVENT_PLAN", "FINANCE", "GROCERY", "GOVT", "HOTEL",
        "HEALTH", "NONPROFIT", "PROF_SERVICES", "RETAIL", "TRAVEL", "RESTAURANT", "ALCOHOL", "ONLINE_GAMBLING",
        "PHYSICAL_GAMBLING", "OTC_DRUGS",
    ];

    private static readonly Dictionary<string, string> VerticalNames = new(StringComparer.Ordinal)
    {
        ["AUTO"] = "Automotive", ["BEAUTY"] = "Beauty, Spa and Salon", ["APPAREL"] = "Clothing and Apparel", ["EDU"] = "Education",
        ["ENTERTAIN"] = "Entertainment", ["EVENT_PLAN"] = "Event Planning and Service", ["FINANCE"] = "Finance and Banking",
        ["GROCERY"] = "Food and Grocery", ["GOVT"] = "Public Service", ["HOTEL"] = "Hotel and Lodging", ["HEALTH"] = "Medical and Health",
        ["NONPROFIT"] = "Non-profit", ["PROF_SERVICES"] = "Professional Services", ["RETAIL"] = "Shopping and Retail",
        ["TRAVEL"] = "Travel and Transportation", ["RESTAURANT"] = "Restaurant", ["ALCOHOL"] = "Alcoholic Beverages",
        ["ONLINE_GAMBLING"] = "Online Gambling and Gaming", ["PHYSICAL_GAMBLING"] = "Non-Online Gambling and Gaming",
        ["OTC_DRUGS"] = "Over-the-Counter Drugs", ["OTHER"] = "Other",
    };

    private static readonly string[] Fields = ["messaging_product", "about", "address", "description", "email", "websites", "vertical", "profile_picture_handle"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxProfile> _profiles = new(StringComparer.Ordinal);
    private readonly string _filePath;
    private readonly string _pictureFolder;
    private readonly ILogger<SandboxProfiles> _logger;

    public SandboxProfiles(SandboxState state, DataPaths paths, ILogger<SandboxProfiles> logger)
    {
        _logger = logger;
        _filePath = Path.Combine(paths.DataDirectory, FileName);
        _pictureFolder = Path.Combine(paths.DataDirectory, PictureFolderName);
        foreach (var phone in state.PhoneNumbers)
        {
            _profiles[phone.Id] = Seed(phone, state.PhoneNumbers.ToList().IndexOf(phone));
        }

        Load();
    }

    /// <summary>Raised after a profile changed (on the thread that changed it).</summary>
    public event Action<string>? Changed;

    /// <summary>The category as WhatsApp shows it; "Not set" for <c>UNDEFINED</c>.</summary>
    public static string VerticalName(string vertical) => VerticalNames.GetValueOrDefault(vertical, "Not set");

    public SandboxProfile? Get(string phoneNumberId)
    {
        lock (_gate)
        {
            return _profiles.GetValueOrDefault(phoneNumberId);
        }
    }

    /// <summary>Where the picture is served (anonymously, like Meta's CDN), or null when the number has none.</summary>
    public string? PictureUrl(string baseUri, string phoneNumberId) =>
        Get(phoneNumberId)?.PictureFile is { } file ? $"{baseUri.TrimEnd('/')}{PicturePath}/{phoneNumberId}/{file}" : null;

    public Stream? OpenPicture(string phoneNumberId, string file)
    {
        if (Get(phoneNumberId)?.PictureFile != file)
        {
            return null;
        }

        var path = Path.Combine(_pictureFolder, phoneNumberId, file);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>
    /// Checks every parameter of a profile POST the way Meta does and applies them all, or none: the refusal when one
    /// is wrong. <paramref name="uploads"/> resolves <c>profile_picture_handle</c>.
    /// </summary>
    public SandboxProfileRefusal? Update(string phoneNumberId, JsonObject parameters, SandboxUploads uploads, bool requireMessagingProduct)
    {
        if (parameters.Select(p => p.Key).FirstOrDefault(k => !Fields.Contains(k)) is { } unknown)
        {
            return Invalid($"(#100) Param {unknown} is not a valid parameter");
        }

        if (requireMessagingProduct && Text(parameters["messaging_product"]) != "whatsapp")
        {
            return Invalid("(#100) The parameter messaging_product is required and must be whatsapp");
        }

        var current = Get(phoneNumberId) ?? throw new InvalidOperationException($"No Sandbox number {phoneNumberId}.");
        var next = current;
        if (parameters.ContainsKey("about"))
        {
            var about = Text(parameters["about"]) ?? "";
            if (about.Trim().Length == 0)
            {
                return Invalid("(#100) Param about must be at least 1 character long");
            }

            if (about.Length > 139)
            {
                return Invalid("(#100) Param about must be at most 139 characters long");
            }

            next = next with { About = about };
        }

        foreach (var (name, max) in (ReadOnlySpan<(string, int)>)[("address", 256), ("description", 512), ("email", 128)])
        {
            if (!parameters.ContainsKey(name))
            {
                continue;
            }

            var value = Text(parameters[name]) ?? "";
            if (value.Length > max)
            {
                return Invalid($"(#100) Param {name} must be at most {max} characters long");
            }

            if (name == "email" && value.Length > 0 && !IsEmail(value))
            {
                return Invalid("(#100) Param email must be a valid email address");
            }

            next = name switch
            {
                "address" => next with { Address = value },
                "description" => next with { Description = value },
                _ => next with { Email = value },
            };
        }

        if (parameters.ContainsKey("websites"))
        {
            if (parameters["websites"] is not JsonArray websites || websites.Any(w => Text(w) is null))
            {
                return Invalid("(#100) Param websites must be an array of strings");
            }

            if (websites.Count > 2)
            {
                return Invalid("(#100) Param websites must have at most 2 elements");
            }

            var list = websites.Select(w => Text(w)!).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Length > 256)
                {
                    return Invalid($"(#100) Param websites[{i}] must be at most 256 characters long");
                }

                if (!Uri.TryCreate(list[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    return Invalid($"(#100) Param websites[{i}] must be a valid URL starting with http:// or https://");
                }
            }

            next = next with { Websites = list };
        }

        if (parameters.ContainsKey("vertical"))
        {
            var vertical = Text(parameters["vertical"]) ?? "";
            if (!Verticals.Contains(vertical))
            {
                return new SandboxProfileRefusal(131009, $"Param vertical must be one of {{{string.Join(", ", Verticals)}}}");
            }

            next = next with { Vertical = vertical };
        }

        SandboxUploadedFile? picture = null;
        if (parameters.ContainsKey("profile_picture_handle"))
        {
            picture = uploads.FindHandle(Text(parameters["profile_picture_handle"]) ?? "");
            if (picture is null)
            {
                return Invalid("(#100) Param profile_picture_handle is not a valid or unexpired upload handle");
            }

            if (picture.FileType is not ("image/jpeg" or "image/jpg" or "image/png"))
            {
                return Invalid("(#100) Param profile_picture_handle must refer to a JPEG or PNG image");
            }
        }

        Apply(phoneNumberId, next, picture);
        return null;
    }

    private void Apply(string phoneNumberId, SandboxProfile next, SandboxUploadedFile? picture)
    {
        lock (_gate)
        {
            if (picture is not null)
            {
                var extension = picture.FileType == "image/png" ? "png" : "jpg";
                var file = $"{Convert.ToHexStringLower(SHA256.HashData(picture.Content))[..16]}.{extension}";
                var folder = Path.Combine(_pictureFolder, phoneNumberId);
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, file), picture.Content);
                next = next with { PictureFile = file };
            }

            _profiles[phoneNumberId] = next;
            Save();
        }

        _logger.LogInformation("Sandbox business profile of {PhoneNumberId} changed", phoneNumberId);
        Changed?.Invoke(phoneNumberId);
    }

    private static SandboxProfile Seed(SandboxPhoneNumber phone, int index) => index switch
    {
        0 => new SandboxProfile(
            "Plants, pots and garden tools 🌱",
            "1 Sandbox Street, Springfield, 12345",
            $"{phone.VerifiedName} sells house plants, pots and garden tools. Ask us anything about your order here.",
            "store@sandbox.example",
            ["https://store.sandbox.example/"],
            "RETAIL",
            null),
        1 => new SandboxProfile(
            "Last season's favourites at outlet prices",
            "7 Outlet Road, Springfield, 12345",
            "Discounted clothing and accessories.",
            "outlet@sandbox.example",
            ["https://outlet.sandbox.example/", "http://outlet.sandbox.example/sale"],
            "APPAREL",
            null),
        _ => new SandboxProfile("Hey there! I am using WhatsApp.", "", "", "", [], Unset, null),
    };

    private static SandboxProfileRefusal Invalid(string message) => new(100, message);

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private void Load()
    {
        if (!File.Exists(_filePath))
        {
            return;
        }

        try
        {
            foreach (var (phoneId, profile) in JsonSerializer.Deserialize<Dictionary<string, SandboxProfile>>(File.ReadAllText(_filePath), SandboxJson.Options) ?? [])
            {
                if (_profiles.ContainsKey(phoneId))
                {
                    _profiles[phoneId] = profile;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or NotSupportedException)
        {
            _logger.LogWarning(exception, "The Sandbox profiles file {Path} could not be read; starting from the seeded profiles", _filePath);
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
        var temporary = _filePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_profiles, SandboxJson.Options));
        File.Move(temporary, _filePath, overwrite: true);
    }
}
