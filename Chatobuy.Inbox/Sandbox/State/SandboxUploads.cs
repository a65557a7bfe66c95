using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// Meta's Resumable Upload sessions (reference §6.3), in memory like Meta's short-lived ones: a session is opened with
/// the file's name, length and type, takes bytes in order (each request names its <c>file_offset</c>), and gives a
/// handle once the last byte is in. Handles are what a business profile picture or a template example takes.
/// Thread-safe.
/// </summary>
public sealed class SandboxUploads(IOptions<SandboxOptions> options, TimeProvider time, ILogger<SandboxUploads> logger)
{
    public const string SessionPrefix = "upload:";
    public static readonly IReadOnlyList<string> AllowedTypes = ["application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"];
    private const int MaxFinishedFiles = 100;
    private const int MaxSessions = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxUploadedFile> _files = new(StringComparer.Ordinal);
    private readonly Queue<string> _fileOrder = new();
    private readonly Queue<string> _sessionOrder = new();
    private readonly byte[] _signingKey = SHA256.HashData(Encoding.UTF8.GetBytes("sandbox-upload:" + options.Value.AppSecret));
    private bool _interruptNextChunk;
    private int _interruptedChunks;

    public static bool IsSessionId(string id) => id.StartsWith(SessionPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Fault injection for tests and the Sandbox page: the next chunk stores only its first half and then the connection
    /// drops without an answer, as when a network fails mid-upload.
    /// </summary>
    public void InterruptNextChunk()
    {
        lock (_gate)
        {
            _interruptNextChunk = true;
        }
    }

    /// <summary>How many chunks <see cref="InterruptNextChunk"/> has cut off so far.</summary>
    public int InterruptedChunks
    {
        get
        {
            lock (_gate)
            {
                return _interruptedChunks;
            }
        }
    }

    /// <summary>Opens a session; the value is the id Meta gives: <c>upload:&lt;opaque&gt;?sig=&lt;opaque&gt;</c>.</summary>
    public string Open(string fileName, long fileLength, string fileType)
    {
        var opaque = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Guid.NewGuid():N}:{fileType}")).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        lock (_gate)
        {
            _sessions[opaque] = new Session(fileName, fileLength, fileType, new MemoryStream());
            _sessionOrder.Enqueue(opaque);
            while (_sessionOrder.Count > MaxSessions)
            {
                // Like Meta's, sessions do not live for ever: the oldest go first.
                _sessions.Remove(_sessionOrder.Dequeue());
            }
        }

        logger.LogInformation("Sandbox upload session opened ({FileType}, {Length} bytes)", fileType, fileLength);
        return $"{SessionPrefix}{opaque}?sig={Sign(opaque)}";
    }

    /// <summary>Whether the path's session exists and its <c>sig</c> is the one handed out.</summary>
    public SessionCheck Check(string pathId, string? signature)
    {
        var opaque = pathId[SessionPrefix.Length..];
        if (string.IsNullOrEmpty(signature)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(opaque)), Encoding.ASCII.GetBytes(signature)))
        {
            return SessionCheck.BadSignature;
        }

        lock (_gate)
        {
            return _sessions.ContainsKey(opaque) ? SessionCheck.Found : SessionCheck.Unknown;
        }
    }

    public SandboxUploadProgress? Progress(string pathId)
    {
        var opaque = pathId[SessionPrefix.Length..];
        lock (_gate)
        {
            return _sessions.TryGetValue(opaque, out var session)
                ? new SandboxUploadProgress(SessionPrefix + opaque, session.ReceivedLength, session.Handle)
                : null;
        }
    }

    /// <summary>
    /// Appends a chunk sent at <paramref name="fileOffset"/>. Refuses an offset other than the bytes already received and
    /// bytes beyond the announced length. <see cref="AppendResult.Interrupt"/> says the connection must drop now.
    /// </summary>
    public AppendResult Append(string pathId, long fileOffset, ReadOnlySpan<byte> chunk)
    {
        var opaque = pathId[SessionPrefix.Length..];
        lock (_gate)
        {
            if (!_sessions.TryGetValue(opaque, out var session))
            {
                return new AppendResult(null, "(#100) The upload session does not exist or has expired", false);
            }

            var received = session.ReceivedLength;
            if (fileOffset != received)
            {
                return new AppendResult(null, $"(#100) The file_offset header ({fileOffset}) does not match the bytes already received ({received})", false);
            }

            if (received + chunk.Length > session.FileLength)
            {
                return new AppendResult(null, $"(#100) The upload is longer than the file_length given when the session was opened ({session.FileLength})", false);
            }

            if (_interruptNextChunk && chunk.Length > 1)
            {
                _interruptNextChunk = false;
                _interruptedChunks++;
                session.Received.Write(chunk[..(chunk.Length / 2)]);
                return new AppendResult(null, null, true);
            }

            session.Received.Write(chunk);
            if (session.Received.Length == session.FileLength && session.Handle is null)
            {
                session.Handle = Finish(opaque, session);
            }

            return new AppendResult(new SandboxUploadProgress(SessionPrefix + opaque, session.ReceivedLength, session.Handle), null, false);
        }
    }

    /// <summary>The file a handle stands for, or null when the handle was never issued (or is long gone).</summary>
    public SandboxUploadedFile? FindHandle(string handle)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(handle);
        }
    }

    private string Finish(string opaque, Session session)
    {
        var expires = time.GetUtcNow().AddDays(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var name = Convert.ToBase64String(Encoding.UTF8.GetBytes(session.FileName));
        var handle = $"4:{name}:{session.FileType}:{opaque}:e:{expires}:{Sign(opaque + ":h")}";
        _files[handle] = new SandboxUploadedFile(handle, session.FileName, session.FileType, session.Received.ToArray());
        _fileOrder.Enqueue(handle);
        while (_fileOrder.Count > MaxFinishedFiles)
        {
            _files.Remove(_fileOrder.Dequeue());
        }

        session.Received.SetLength(0);
        logger.LogInformation("Sandbox upload complete ({FileType}, {Length} bytes)", session.FileType, session.FileLength);
        return handle;
    }

    private string Sign(string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(value)))[..19].Replace('+', '-').Replace('/', '_');

    private sealed record Session(string FileName, long FileLength, string FileType, MemoryStream Received)
    {
        /// <summary>Set once the last byte is in; the bytes then live under the handle and <see cref="Received"/> is emptied.</summary>
        public string? Handle { get; set; }

        public long ReceivedLength => Handle is null ? Received.Length : FileLength;
    }
}
