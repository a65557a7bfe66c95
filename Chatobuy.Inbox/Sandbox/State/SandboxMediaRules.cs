using System.Globalization;

namespace Chatobuy.Inbox.Sandbox.State;

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
