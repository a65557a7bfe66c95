using Chatobuy.Inbox.Data;

namespace Chatobuy.Inbox.Features.Media;

/// <summary>
/// Downloaded media on disk: <c>&lt;data&gt;/media/&lt;first 2 hex&gt;/&lt;sha256 hex&gt;&lt;ext&gt;</c>. Named by content,
/// so the same file sent twice is stored once and a file is never overwritten with different bytes.
/// </summary>
public sealed class MediaStore(DataPaths paths)
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ".jpg",
        ["image/png"] = ".png",
        ["image/webp"] = ".webp",
        ["image/gif"] = ".gif",
        ["video/mp4"] = ".mp4",
        ["video/3gpp"] = ".3gp",
        ["audio/ogg"] = ".ogg",
        ["audio/opus"] = ".opus",
        ["audio/mpeg"] = ".mp3",
        ["audio/mp4"] = ".m4a",
        ["audio/aac"] = ".aac",
        ["audio/amr"] = ".amr",
        ["text/plain"] = ".txt",
        ["application/pdf"] = ".pdf",
        ["application/msword"] = ".doc",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.ms-excel"] = ".xls",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["application/vnd.ms-powerpoint"] = ".ppt",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = ".pptx",
    };

    public string Root { get; } = Path.Combine(paths.DataDirectory, "media");

    /// <summary>The file name extension for a MIME type (parameters such as <c>; codecs=opus</c> ignored), else <c>.bin</c>.</summary>
    public static string ExtensionFor(string? mimeType)
    {
        var bare = mimeType?.Split(';', 2)[0].Trim() ?? "";
        return Extensions.TryGetValue(bare, out var extension) ? extension : ".bin";
    }

    /// <summary>The path relative to <see cref="Root"/>, with forward slashes, as stored in <c>Message.MediaPath</c>.</summary>
    public static string RelativePathFor(string sha256Hex, string? mimeType) =>
        $"{sha256Hex[..2]}/{sha256Hex}{ExtensionFor(mimeType)}";

    /// <summary>A fresh temporary file inside the media folder, so moving it into place never crosses disks.</summary>
    public string NewTemporaryPath()
    {
        var folder = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.part");
    }

    /// <summary>Moves a finished temporary file to its content-hash name; if that file already exists it is kept.</summary>
    public string Commit(string temporaryPath, string sha256Hex, string? mimeType)
    {
        var relative = RelativePathFor(sha256Hex, mimeType);
        var target = FullPath(relative)!;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temporaryPath);
            return relative;
        }

        try
        {
            File.Move(temporaryPath, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another download of the same bytes won the race: same content, same name.
            File.Delete(temporaryPath);
        }

        return relative;
    }

    /// <summary>The absolute path of a stored relative path, or null when it would leave the media folder.</summary>
    public string? FullPath(string relativePath)
    {
        var root = Path.GetFullPath(Root) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}
