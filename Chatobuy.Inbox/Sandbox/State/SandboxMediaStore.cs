using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.State;

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

    /// <summary>
    /// The <c>exp</c> and <c>sig</c> query of a URL that shows <paramref name="id"/> without a token (the customer phone's
    /// media headers), valid for one to two hours: the expiry is rounded to the hour so the URL stays the same across
    /// the page's renders and the browser does not fetch the file again each time.
    /// </summary>
    public string ViewQuery(string id)
    {
        var expires = (_time.GetUtcNow().ToUnixTimeSeconds() / 3600 + 2) * 3600;
        return $"exp={expires.ToString(CultureInfo.InvariantCulture)}&sig={Sign(id, expires)}";
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
