namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>Media sent by its https link: <c>type</c> is image, video, audio, document or sticker.</summary>
public sealed record MediaLinkBody(string? Type = null, string? Link = null, string? Caption = null, string? FileName = null);
