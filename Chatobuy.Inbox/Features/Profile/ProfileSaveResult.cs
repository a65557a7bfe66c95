using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>
/// How a save went. <see cref="FieldErrors"/> are keyed by the model's property names (<c>About</c>, <c>Websites[1]</c>,
/// <c>Picture</c>…); <see cref="ChangedFields"/> and <see cref="Current"/> say what Meta holds when it changed elsewhere.
/// </summary>
public sealed record ProfileSaveResult(
    ProfileSaveOutcome Outcome,
    BusinessProfile? Current = null,
    IReadOnlyDictionary<string, string>? FieldErrors = null,
    IReadOnlyList<string>? ChangedFields = null,
    GraphError? Error = null,
    string? Message = null);
