namespace Chatobuy.Inbox.Data;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder for the SQLite database, the Data Protection key ring and media. Relative paths are resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Overrides the SQLite file in <see cref="DataDirectory"/> when set.</summary>
    public string? ConnectionString { get; set; }
}
