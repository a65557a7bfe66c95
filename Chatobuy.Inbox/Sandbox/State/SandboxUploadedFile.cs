namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A finished Resumable Upload: what its handle <c>h</c> stands for.</summary>
public sealed record SandboxUploadedFile(string Handle, string FileName, string FileType, byte[] Content);
