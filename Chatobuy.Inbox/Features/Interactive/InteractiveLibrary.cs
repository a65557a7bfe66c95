using System.Security.Cryptography;
using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Media;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// A channel's saved interactive messages: list and search, create, update, duplicate, delete. Everything is checked
/// before anything is written (<see cref="InteractiveMessageDraftValidator"/>, a name unique in the channel), and a
/// media header's file is kept in the media folder, named by its content, with the row pointing at it.
/// </summary>
public sealed partial class InteractiveLibrary(
    IDbContextFactory<InboxDbContext> dbFactory,
    InteractiveMessageDraftValidator validator,
    MediaStore mediaStore,
    TimeProvider time,
    ILogger<InteractiveLibrary> logger)
{
    /// <summary>The media id a kept header file stands in with while it is checked; the real one comes at send time.</summary>
    public const string KeptFileStandInId = "kept-file";

    public const string NameTakenMessage = "This channel already has a message with this name; pick another.";

    public const string NotFoundMessage = "This message does not exist (any more).";

    /// <summary>
    /// The object as <see cref="InteractiveObjectValidator"/> should see it: a header whose file is kept (sent by the
    /// id its upload gives at send time) carries a stand-in id, so "choose the header's file" is not asked again.
    /// </summary>
    public static InteractiveObject Checkable(InteractiveObject interactive, bool hasKeptFile) =>
        hasKeptFile && interactive.Header?.Media is { } media && string.IsNullOrWhiteSpace(media.Id) && string.IsNullOrWhiteSpace(media.Link)
            ? interactive with { Header = InteractiveHeader.ForMedia(interactive.Header.Type, media.ById(KeptFileStandInId)) }
            : interactive;

    /// <summary>The saved <c>interactive</c> object of a row.</summary>
    public static InteractiveObject Parse(InteractiveMessage message) =>
        JsonSerializer.Deserialize<InteractiveObject>(message.InteractiveJson, GraphJson.Options)
            ?? throw new JsonException($"Interactive message {message.Id} has no content.");

    public async Task<InteractiveChannel?> GetChannelAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking()
            .Where(c => c.Id == channelId)
            .Select(c => new InteractiveChannel(c.Id, c.Title, c.WabaId, c.WabaName, c.DisplayPhoneNumber))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The channel's messages by name; with <paramref name="search"/>, those whose name or body contains it (any case).</summary>
    public async Task<IReadOnlyList<InteractiveMessage>> ListAsync(string channelId, string? search = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.InteractiveMessages.AsNoTracking().Where(m => m.ChannelId == channelId).ToListAsync(cancellationToken);
        var term = search?.Trim();
        return all
            .Where(m => string.IsNullOrEmpty(term)
                || m.Name.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || (BodyOf(m)?.Contains(term, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task<InteractiveMessage?> GetAsync(string channelId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InteractiveMessages.AsNoTracking().FirstOrDefaultAsync(m => m.ChannelId == channelId && m.Id == id, cancellationToken);
    }

    /// <summary>The body text of a saved message (null for a single product without one, or a row that cannot be read).</summary>
    public static string? BodyOf(InteractiveMessage message)
    {
        try
        {
            return Parse(message).Body?.Text;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every problem of the draft, by field, the name's uniqueness in the channel included.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(string channelId, InteractiveMessageDraft draft, long? exceptId, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(validator.ErrorsOf(draft));
        if (!errors.ContainsKey(nameof(InteractiveMessageDraft.Name)) && await NameTakenAsync(channelId, draft.Name.Trim(), exceptId, cancellationToken))
        {
            errors[nameof(InteractiveMessageDraft.Name)] = NameTakenMessage;
        }

        return errors;
    }

    public async Task<InteractiveLibraryResult> CreateAsync(string channelId, InteractiveMessageDraft draft, string? userId, CancellationToken cancellationToken = default)
    {
        if (await GetChannelAsync(channelId, cancellationToken) is null)
        {
            return InteractiveLibraryResult.Fail("This channel does not exist (any more).");
        }

        var errors = await CheckAsync(channelId, draft, null, cancellationToken);
        if (errors.Count > 0)
        {
            return InteractiveLibraryResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var message = new InteractiveMessage { ChannelId = channelId, CreatedAt = now };
        await ApplyAsync(message, draft, userId, now, cancellationToken);
        return await SaveAsync(message, isNew: true, cancellationToken);
    }

    public async Task<InteractiveLibraryResult> UpdateAsync(string channelId, long id, InteractiveMessageDraft draft, string? userId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(channelId, id, cancellationToken) is not { } message)
        {
            return InteractiveLibraryResult.Fail(NotFoundMessage);
        }

        var errors = await CheckAsync(channelId, draft, id, cancellationToken);
        if (errors.Count > 0)
        {
            return InteractiveLibraryResult.Invalid(errors);
        }

        var previousFile = message.HeaderMediaPath;
        await ApplyAsync(message, draft, userId, time.GetUtcNow(), cancellationToken);
        var result = await SaveAsync(message, isNew: false, cancellationToken);
        if (result.Succeeded && previousFile is not null && previousFile != message.HeaderMediaPath)
        {
            await DeleteFileIfUnusedAsync(previousFile, cancellationToken);
        }

        return result;
    }

    /// <summary>A copy named "Copy of …" (with a number when that is taken), sharing the kept header file.</summary>
    public async Task<InteractiveLibraryResult> DuplicateAsync(string channelId, long id, string? userId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(channelId, id, cancellationToken) is not { } original)
        {
            return InteractiveLibraryResult.Fail(NotFoundMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = (await db.InteractiveMessages.AsNoTracking().Where(m => m.ChannelId == channelId).Select(m => m.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = time.GetUtcNow();
        var copy = new InteractiveMessage
        {
            ChannelId = channelId,
            Name = CopyName(original.Name, names),
            Type = original.Type,
            InteractiveJson = original.InteractiveJson,
            HeaderMediaPath = original.HeaderMediaPath,
            HeaderMediaMimeType = original.HeaderMediaMimeType,
            HeaderMediaFileName = original.HeaderMediaFileName,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedByUserId = userId,
        };
        return await SaveAsync(copy, isNew: true, cancellationToken);
    }

    /// <summary>
    /// Deletes a saved message. Messages already sent from it keep their own copy; its header file goes too unless
    /// another saved message, a chat message or a queued send still uses it.
    /// </summary>
    public async Task<bool> DeleteAsync(string channelId, long id, CancellationToken cancellationToken = default)
    {
        string? file;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var message = await db.InteractiveMessages.FirstOrDefaultAsync(m => m.ChannelId == channelId && m.Id == id, cancellationToken);
            if (message is null)
            {
                return false;
            }

            file = message.HeaderMediaPath;
            db.InteractiveMessages.Remove(message);
            await db.SaveChangesAsync(cancellationToken);
        }

        LogDeleted(channelId, id);
        if (file is not null)
        {
            await DeleteFileIfUnusedAsync(file, cancellationToken);
        }

        return true;
    }

    /// <summary>"Copy of X", else "Copy of X (2)", "(3)", …, within the name's 100 characters.</summary>
    public static string CopyName(string name, IReadOnlySet<string> taken)
    {
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : $" ({n})";
            var candidate = $"Copy of {name}";
            if (candidate.Length + suffix.Length > InteractiveMessageDraftValidator.MaxName)
            {
                candidate = candidate[..(InteractiveMessageDraftValidator.MaxName - suffix.Length - 1)].TrimEnd() + "…";
            }

            candidate += suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Copies the draft onto the row; a newly chosen header file is stored first (by content, so storing twice is harmless).</summary>
    private async Task ApplyAsync(InteractiveMessage message, InteractiveMessageDraft draft, string? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var interactive = draft.ToInteractive();
        message.Name = draft.Name.Trim();
        message.Type = interactive.Type;
        message.InteractiveJson = JsonSerializer.Serialize(interactive, GraphJson.Options);
        message.UpdatedAt = now;
        message.UpdatedByUserId = userId;

        if (!draft.HasHeaderFile || !draft.HeaderKinds.Contains(draft.HeaderKind))
        {
            (message.HeaderMediaPath, message.HeaderMediaMimeType, message.HeaderMediaFileName) = (null, null, null);
        }
        else if (draft.HeaderFile is { } file)
        {
            message.HeaderMediaPath = await StoreAsync(file, cancellationToken);
            message.HeaderMediaMimeType = file.MimeType;
            message.HeaderMediaFileName = file.FileName;
        }
        else
        {
            (message.HeaderMediaPath, message.HeaderMediaMimeType, message.HeaderMediaFileName) = (draft.KeptHeaderPath, draft.KeptHeaderMimeType, draft.KeptHeaderFileName);
        }
    }

    private async Task<string> StoreAsync(InteractiveHeaderFile file, CancellationToken cancellationToken)
    {
        var temporary = mediaStore.NewTemporaryPath();
        await File.WriteAllBytesAsync(temporary, file.Content, cancellationToken);
        return mediaStore.Commit(temporary, Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.MimeType);
    }

    private async Task<InteractiveLibraryResult> SaveAsync(InteractiveMessage message, bool isNew, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (isNew)
        {
            db.InteractiveMessages.Add(message);
        }
        else
        {
            db.InteractiveMessages.Update(message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another admin saved the same name a moment ago.
            return InteractiveLibraryResult.Invalid(new Dictionary<string, string> { [nameof(InteractiveMessageDraft.Name)] = NameTakenMessage });
        }

        LogSaved(message.ChannelId, message.Id, message.Type);
        return InteractiveLibraryResult.Saved(message);
    }

    private async Task<bool> NameTakenAsync(string channelId, string name, long? exceptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lower = name.ToLowerInvariant();
        return await db.InteractiveMessages.AsNoTracking()
            .AnyAsync(m => m.ChannelId == channelId && m.Name.ToLower() == lower && (exceptId == null || m.Id != exceptId), cancellationToken);
    }

    private async Task DeleteFileIfUnusedAsync(string relativePath, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var used = await db.InteractiveMessages.AnyAsync(m => m.HeaderMediaPath == relativePath, cancellationToken)
            || await db.Messages.AnyAsync(m => m.MediaPath == relativePath, cancellationToken)
            || await db.OutboxItems.AnyAsync(o => o.UploadPath == relativePath, cancellationToken);
        if (used || mediaStore.FullPath(relativePath) is not { } path)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException exception)
        {
            LogFileNotDeleted(relativePath, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interactive message {Id} ({Type}) saved on channel {ChannelId}")]
    private partial void LogSaved(string channelId, long id, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interactive message {Id} deleted from channel {ChannelId}")]
    private partial void LogDeleted(string channelId, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The header file {Path} of a deleted interactive message could not be removed: {Reason}")]
    private partial void LogFileNotDeleted(string path, string reason);
}
