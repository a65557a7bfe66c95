using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>
/// Reads and saves a channel's WhatsApp Business profile at Meta (reference §6). A save is one POST with the changed
/// fields and the new picture's handle, so it is all or nothing; it never overwrites a profile that changed at Meta
/// after the editor loaded it.
/// </summary>
public sealed partial class ProfileService(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    GraphClient graph,
    ResumableUploader uploader,
    ProfileSnapshots snapshots,
    ILogger<ProfileService> logger)
{
    public const string NotFoundMessage = "This channel no longer exists.";
    public const long MaxPictureBytes = 5 * 1024 * 1024;
    public const string PictureRule = "a JPEG or PNG image up to 5 MB";
    public const string PictureField = "Picture";

    public static readonly IReadOnlyList<string> PictureTypes = ["image/jpeg", "image/png"];

    private static readonly BusinessProfileValidator Validator = new();

    /// <summary>Null when <paramref name="mimeType"/> and <paramref name="size"/> are fine for a profile picture, else why not.</summary>
    public static string? CheckPicture(string mimeType, long size)
    {
        if (!PictureTypes.Contains(mimeType.ToLowerInvariant()))
        {
            return $"This file is not a JPEG or PNG image. Choose {PictureRule}.";
        }

        return size switch
        {
            0 => $"This file is empty. Choose {PictureRule}.",
            > MaxPictureBytes => $"This image is larger than 5 MB. Choose {PictureRule}.",
            _ => null,
        };
    }

    public async Task<ProfileLoad> LoadAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = await FindAsync(channelId, cancellationToken);
        if (channel is null)
        {
            return new ProfileLoad(null, null, null, []);
        }

        var read = await ReadAsync(channel, cancellationToken);
        if (!read.Succeeded)
        {
            return new ProfileLoad(ViewOf(channel), null, read.Error, []);
        }

        var profile = read.Value!;
        var saved = await snapshots.ReadAsync(channel.Id, cancellationToken);
        return new ProfileLoad(ViewOf(channel), profile, null, saved?.DifferingFields(profile) ?? []);
    }

    /// <summary>
    /// Saves what <paramref name="edited"/> changed compared with <paramref name="loaded"/> (what the editor showed), with
    /// <paramref name="picture"/> when one was chosen. Checks the rules first, then re-reads the profile at Meta and stops
    /// if it differs from <paramref name="loaded"/>.
    /// </summary>
    public async Task<ProfileSaveResult> SaveAsync(
        string channelId,
        BusinessProfile loaded,
        BusinessProfileModel edited,
        ProfilePicture? picture,
        CancellationToken cancellationToken)
    {
        var validation = await Validator.ValidateAsync(edited, cancellationToken);
        var errors = validation.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        if (picture is not null && CheckPicture(picture.MimeType, picture.Content.LongLength) is { } pictureError)
        {
            errors[PictureField] = pictureError;
        }

        if (errors.Count > 0)
        {
            return new ProfileSaveResult(ProfileSaveOutcome.Invalid, FieldErrors: errors, Message: "Correct the highlighted fields; nothing was saved.");
        }

        if (picture is null && edited.ChangesFrom(loaded, null) is null)
        {
            return new ProfileSaveResult(ProfileSaveOutcome.NothingChanged, loaded, Message: "Nothing changed, so nothing was sent to WhatsApp.");
        }

        var channel = await FindAsync(channelId, cancellationToken);
        if (channel is null)
        {
            return new ProfileSaveResult(ProfileSaveOutcome.NotFound, Message: NotFoundMessage);
        }

        var current = await ReadAsync(channel, cancellationToken);
        if (!current.Succeeded)
        {
            return new ProfileSaveResult(ProfileSaveOutcome.Refused, Error: current.Error, Message: $"The profile could not be checked at WhatsApp, so nothing was saved. {current.Error!.ForUser}");
        }

        var connection = secrets.ConnectionOf(channel);

        var changedAtMeta = loaded.DifferingFields(current.Value!);
        if (changedAtMeta.Count > 0)
        {
            logger.LogInformation("Profile of channel {ChannelId} changed at Meta since it was loaded; not saving", channel.Id);
            return new ProfileSaveResult(
                ProfileSaveOutcome.ChangedElsewhere,
                current.Value,
                ChangedFields: changedAtMeta,
                Message: $"Someone changed this profile outside Chatobuy.Inbox after you opened it ({string.Join(", ", changedAtMeta)}). Nothing was saved, so their change is not overwritten.");
        }

        string? handle = null;
        if (picture is not null)
        {
            var uploaded = await uploader.UploadAsync(connection, picture.FileName, picture.MimeType, picture.Content, cancellationToken);
            if (!uploaded.Succeeded)
            {
                return new ProfileSaveResult(
                    ProfileSaveOutcome.PictureFailed,
                    FieldErrors: new Dictionary<string, string> { [PictureField] = uploaded.Error!.Explanation },
                    Error: uploaded.Error,
                    Message: $"The picture could not be uploaded, so nothing was saved (the text fields neither). {uploaded.Error.ForUser}");
            }

            handle = uploaded.Value;
        }

        var update = edited.ChangesFrom(loaded, handle)!;
        var saved = await graph.UpdateBusinessProfileAsync(connection, channel.PhoneNumberId, update, cancellationToken);
        if (!saved.Succeeded)
        {
            var field = FieldOf(saved.Error!);
            return new ProfileSaveResult(
                ProfileSaveOutcome.Refused,
                FieldErrors: field is null ? null : new Dictionary<string, string> { [field] = $"{saved.Error!.Explanation} {saved.Error.NextStep}" },
                Error: saved.Error,
                Message: field is null ? $"Nothing was saved. {saved.Error!.ForUser}" : "WhatsApp refused a field; nothing was saved.");
        }

        var after = await ReadAsync(channel, cancellationToken);
        var result = after.Succeeded ? after.Value! : Expected(loaded, edited);
        await snapshots.WriteAsync(channel.Id, result, cancellationToken);
        logger.LogInformation("Profile of channel {ChannelId} saved", channel.Id);
        return new ProfileSaveResult(ProfileSaveOutcome.Saved, result, Message: "Profile saved. WhatsApp shows it to customers right away.");
    }

    /// <summary>
    /// The integration API's PATCH: the fields <paramref name="patch"/> names replace those at Meta, checked by the same
    /// rules; the rest stay as they are.
    /// </summary>
    public async Task<ProfileSaveResult> PatchAsync(string channelId, ProfilePatch patch, CancellationToken cancellationToken)
    {
        var load = await LoadAsync(channelId, cancellationToken);
        if (load.Channel is null)
        {
            return new ProfileSaveResult(ProfileSaveOutcome.NotFound, Message: NotFoundMessage);
        }

        if (load.Profile is null)
        {
            return new ProfileSaveResult(ProfileSaveOutcome.Refused, Error: load.Error, Message: $"The profile could not be read at WhatsApp. {load.Error!.ForUser}");
        }

        var model = BusinessProfileModel.From(load.Profile);
        patch.ApplyTo(model);
        return await SaveAsync(channelId, load.Profile, model, null, cancellationToken);
    }

    /// <summary>
    /// The field a Meta refusal names (reference §6.2 errors, e.g. "Param email must be a valid email address"), as the
    /// model's property name; null when it names none.
    /// </summary>
    public static string? FieldOf(GraphError error)
    {
        if (error.Code is not (100 or 131009))
        {
            return null;
        }

        // Meta names the parameter first ("Param email must be…"); the rest of the text may hold other field names.
        var text = $"{error.MetaMessage} {error.Details}";
        foreach (System.Text.RegularExpressions.Match named in ParamPattern().Matches(text))
        {
            if (PropertyOf(named.Groups[1].Value) is { } property)
            {
                return named.Groups[2].Success && property == nameof(BusinessProfileModel.Websites) ? $"{property}[{named.Groups[2].Value}]" : property;
            }
        }

        return null;
    }

    private static string? PropertyOf(string parameter) => parameter.ToLowerInvariant() switch
    {
        "profile_picture_handle" => PictureField,
        "about" => nameof(BusinessProfileModel.About),
        "address" => nameof(BusinessProfileModel.Address),
        "description" => nameof(BusinessProfileModel.Description),
        "email" => nameof(BusinessProfileModel.Email),
        "websites" => nameof(BusinessProfileModel.Websites),
        "vertical" => nameof(BusinessProfileModel.Vertical),
        _ => null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[Pp]aram(?:eter)? ([a-z_]+)(?:\[(\d+)\])?")]
    private static partial System.Text.RegularExpressions.Regex ParamPattern();

    private async Task<GraphResult<BusinessProfile>> ReadAsync(Channel channel, CancellationToken cancellationToken)
    {
        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            return GraphResult<BusinessProfile>.Fail(GraphErrorExplainer.Explain(
                190, null, null, "The stored access token can no longer be read.", null, null, GraphOperation.GetBusinessProfile));
        }

        var read = await graph.GetBusinessProfileAsync(connection, channel.PhoneNumberId, cancellationToken);
        return read.Succeeded ? GraphResult<BusinessProfile>.Ok(BusinessProfile.From(read.Value!)) : GraphResult<BusinessProfile>.Fail(read.Error!);
    }

    private async Task<Channel?> FindAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
    }

    private static ProfileChannel ViewOf(Channel channel) => new(channel.Id, channel.Title, channel.DisplayPhoneNumber, channel.VerifiedName);

    /// <summary>What Meta should hold after a save, when it cannot be read back right away.</summary>
    private static BusinessProfile Expected(BusinessProfile loaded, BusinessProfileModel edited) => new(
        edited.About,
        edited.Address,
        edited.Description,
        edited.Email.Trim(),
        edited.Websites.Select(w => w.Trim()).ToList(),
        edited.Vertical ?? loaded.Vertical,
        loaded.PictureUrl);
}
