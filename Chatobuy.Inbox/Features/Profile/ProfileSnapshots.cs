using System.Text.Json;
using Chatobuy.Inbox.Data;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>
/// The profile as it stood right after the last save from this inbox, one small JSON file per channel in the data
/// folder (<c>profile-snapshots/</c>), so the editor can tell when someone changed it in Meta's tools since.
/// It is a hint, not data: a lost file only means no notice.
/// </summary>
public sealed class ProfileSnapshots(DataPaths paths, ILogger<ProfileSnapshots> logger)
{
    public const string FolderName = "profile-snapshots";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Folder => Path.Combine(paths.DataDirectory, FolderName);

    public async Task<BusinessProfile?> ReadAsync(string channelId, CancellationToken cancellationToken)
    {
        var path = PathOf(channelId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BusinessProfile>(file, Json, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            logger.LogWarning("The profile snapshot of channel {ChannelId} could not be read: {Reason}", channelId, exception.Message);
            return null;
        }
    }

    public async Task WriteAsync(string channelId, BusinessProfile profile, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(channelId);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(profile, Json), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    // The id in hex: a safe file name whatever the id holds.
    private string PathOf(string channelId) => Path.Combine(Folder, $"{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(channelId))}.json");
}
