using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>One kind of WhatsApp media and what Meta accepts for it (reference §4.1).</summary>
public sealed record SandboxMediaKind(string Name, IReadOnlyList<string> MimeTypes, long MaxBytes);

/// <summary>Meta's "supported media types" table.</summary>
public static class SandboxMediaRules
{
    public const long Megabyte = 1_000_000;

    public static readonly IReadOnlyList<SandboxMediaKind> Kinds =
    [
        new("audio", ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], 16 * Megabyte),
        new(
            "document",
            [
                "text/plain",
                "application/pdf",
                "application/vnd.ms-excel",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/msword",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ],
            100 * Megabyte),
        new("image", ["image/jpeg", "image/png"], 5 * Megabyte),
        new("sticker", ["image/webp"], 500_000),
        new("video", ["video/mp4", "video/3gpp"], 16 * Megabyte),
    ];

    /// <summary>The largest file any kind accepts; uploads beyond it are refused before they are read.</summary>
    public static long MaxBytes => Kinds.Max(k => k.MaxBytes);

    /// <summary>The MIME type without parameters, lower case (<c>audio/ogg; codecs=opus</c> → <c>audio/ogg</c>).</summary>
    public static string BaseMimeType(string mimeType) => mimeType.Split(';')[0].Trim().ToLowerInvariant();

    public static SandboxMediaKind? KindOf(string mimeType)
    {
        var baseType = BaseMimeType(mimeType);
        return Kinds.FirstOrDefault(k => k.MimeTypes.Contains(baseType));
    }

    /// <summary>Null when Meta would take the file; otherwise why not, in plain words.</summary>
    public static string? Check(string mimeType, long size, string? asKind = null)
    {
        var kind = KindOf(mimeType);
        if (kind is null)
        {
            return $"Param file must be a file with one of the following types: {string.Join(", ", Kinds.SelectMany(k => k.MimeTypes))}. Received file of type '{mimeType}'.";
        }

        if (asKind is not null && asKind != kind.Name)
        {
            var allowed = Kinds.FirstOrDefault(k => k.Name == asKind)?.MimeTypes ?? [];
            return $"A {asKind} must be one of: {string.Join(", ", allowed)}. This file is {mimeType}.";
        }

        if (size <= 0)
        {
            return "The file is empty.";
        }

        return size > kind.MaxBytes
            ? $"A {kind.Name} may be at most {Describe(kind.MaxBytes)}; this file is {Describe(size)}."
            : null;
    }

    public static string Describe(long bytes) => bytes >= Megabyte
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)Megabyte:0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1000.0:0.#} KB");
}

/// <summary>An uploaded media file of the emulator (the business's, or the customer's).</summary>
public sealed record SandboxMedia(
    string Id,
    string MimeType,
    string Sha256,
    long FileSize,
    string? FileName,
    string? PhoneNumberId,
    DateTimeOffset UploadedAt);

/// <summary>
/// The emulator's media: files under <c>sandbox-media/</c> in the data folder, indexed in <c>sandbox-media/index.json</c>,
/// with Meta's short-lived download URLs (5 minutes, signed, and the token still required).
/// </summary>
public sealed class SandboxMediaStore
{
    public const string FolderName = "sandbox-media";
    public const string DownloadPath = "/sandbox/media";
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxMedia> _media = new(StringComparer.Ordinal);
    private readonly string _folder;
    private readonly string _indexPath;
    private readonly byte[] _signingKey;
    private readonly TimeProvider _time;
    private readonly ILogger<SandboxMediaStore> _logger;

    public SandboxMediaStore(IOptions<SandboxOptions> options, DataPaths paths, TimeProvider time, ILogger<SandboxMediaStore> logger)
    {
        _time = time;
        _logger = logger;
        _folder = Path.Combine(paths.DataDirectory, FolderName);
        _indexPath = Path.Combine(_folder, "index.json");
        _signingKey = SHA256.HashData(Encoding.UTF8.GetBytes("sandbox-media-url:" + options.Value.AppSecret));
        Load();
    }

    /// <summary>Stores a file Meta's table accepts; the caller checked it with <see cref="SandboxMediaRules.Check"/>.</summary>
    public async Task<SandboxMedia> SaveAsync(Stream content, string mimeType, string? fileName, string? phoneNumberId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var id = NewId();
        var path = FilePath(id);
        long size;
        string sha256;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            size = file.Length;
            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        var media = new SandboxMedia(id, mimeType, sha256, size, string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName), phoneNumberId, _time.GetUtcNow());
        lock (_gate)
        {
            _media[id] = media;
            SaveIndex();
        }

        _logger.LogInformation("Sandbox stored media {MediaId} ({MimeType}, {Size} bytes)", id, mimeType, size);
        return media;
    }

    public SandboxMedia? Find(string id)
    {
        lock (_gate)
        {
            return _media.GetValueOrDefault(id);
        }
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            if (!_media.Remove(id))
            {
                return false;
            }

            SaveIndex();
        }

        File.Delete(FilePath(id));
        _logger.LogInformation("Sandbox deleted media {MediaId}", id);
        return true;
    }

    /// <summary>The file's bytes, or null when it is gone.</summary>
    public Stream? OpenRead(string id) =>
        Find(id) is not null && File.Exists(FilePath(id))
            ? new FileStream(FilePath(id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;

    /// <summary>A download URL under <paramref name="baseUri"/>, valid for <see cref="UrlLifetime"/>.</summary>
    public string DownloadUrl(string baseUri, string id)
    {
        var expires = _time.GetUtcNow().Add(UrlLifetime).ToUnixTimeSeconds();
        return $"{baseUri.TrimEnd('/')}{DownloadPath}/{Uri.EscapeDataString(id)}?exp={expires.ToString(CultureInfo.InvariantCulture)}&sig={Sign(id, expires)}";
    }

    /// <summary>True while the URL's signature matches and it has not expired.</summary>
    public bool IsValidUrl(string id, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var exp) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(id, exp));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature))
            && _time.GetUtcNow().ToUnixTimeSeconds() <= exp;
    }

    private string Sign(string id, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes($"{id}:{expires.ToString(CultureInfo.InvariantCulture)}")))[..32];

    private string FilePath(string id) => Path.Combine(_folder, id + ".bin");

    /// <summary>A 16-digit numeric id, like Meta's media ids.</summary>
    private static string NewId() =>
        (1_000_000_000_000_000L + RandomNumberGenerator.GetInt32(0, int.MaxValue) * 4_000_000L + RandomNumberGenerator.GetInt32(0, 4_000_000))
            .ToString(CultureInfo.InvariantCulture);

    private void Load()
    {
        if (!File.Exists(_indexPath))
        {
            return;
        }

        try
        {
            foreach (var media in JsonSerializer.Deserialize<List<SandboxMedia>>(File.ReadAllText(_indexPath), SandboxJson.Options) ?? [])
            {
                _media[media.Id] = media;
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or NotSupportedException)
        {
            _logger.LogWarning(exception, "The Sandbox media index {Path} could not be read; starting without media", _indexPath);
        }
    }

    private void SaveIndex()
    {
        Directory.CreateDirectory(_folder);
        var temporary = _indexPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_media.Values.OrderBy(m => m.UploadedAt).ToList(), SandboxJson.Options));
        File.Move(temporary, _indexPath, overwrite: true);
    }
}
