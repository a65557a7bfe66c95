using FluentValidation;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>A custom snooze needs a day and a time, together in the future.</summary>
public sealed class SnoozeValidator : AbstractValidator<SnoozeModel>
{
    public SnoozeValidator(TimeProvider time)
    {
        RuleFor(m => m.Day).NotNull().WithMessage("Pick a day.");
        RuleFor(m => m.Time)
            .NotNull().WithMessage("Pick a time.")
            .Must((model, _) => model.At(time.LocalTimeZone) is not { } at || at > time.GetUtcNow())
            .WithMessage("Pick a time in the future.");
    }
}
