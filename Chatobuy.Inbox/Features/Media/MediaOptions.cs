using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Media;

/// <summary>How the inbound media worker downloads customers' files (section "Media").</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>How often the worker looks for due downloads when nobody wakes it.</summary>
    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>After this many failed attempts a download is given up and marked failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each further one twice as long, at most an hour.</summary>
    [Range(1, 3600)]
    public int BaseDelaySeconds { get; set; } = 5;

    /// <summary>How many due downloads one pass takes (oldest first).</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 4;

    /// <summary>Files larger than this are refused (Meta's largest type, documents, is 100 MB).</summary>
    [Range(1, 2048)]
    public int MaxFileMegabytes { get; set; } = 100;
}
