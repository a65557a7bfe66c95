namespace Chatobuy.Inbox.Features.Profile;

public enum ProfileSaveOutcome
{
    Saved,
    NothingChanged,
    Invalid,
    ChangedElsewhere,
    PictureFailed,
    Refused,
    NotFound,
}
