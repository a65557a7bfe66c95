namespace Chatobuy.Inbox.Features.Profile;

/// <summary>A chosen profile picture, checked (<see cref="ProfileService.CheckPicture"/>) but not uploaded yet.</summary>
public sealed record ProfilePicture(string FileName, string MimeType, byte[] Content);
