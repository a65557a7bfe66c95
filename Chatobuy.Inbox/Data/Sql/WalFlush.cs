using Microsoft.Win32.SafeHandles;

namespace Chatobuy.Inbox.Data.Sql;

/// <summary>
/// Flushes SQLite's write-ahead log file to disk. In WAL mode a commit only appends to that file; with
/// <c>synchronous = NORMAL</c> SQLite does not wait for the disk, and a flush of the file afterwards makes every commit
/// appended before it durable, however many there were (the log is replayed from the file after a crash). The file
/// stays open: SQLite keeps it (and reuses it from the start after a checkpoint) while a connection is open.
/// </summary>
public sealed class WalFlush(string path) : IDisposable
{
    private SafeFileHandle? _handle;

    public void Flush()
    {
        _handle ??= File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.FlushToDisk(_handle);
    }

    public void Dispose() => _handle?.Dispose();
}
