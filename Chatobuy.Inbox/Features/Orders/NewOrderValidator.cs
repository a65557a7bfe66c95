using FluentValidation;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>An order needs at least one product, each with a retailer id, a quantity of 1 to 999 and a price of 0 or more; the currency is a three-letter code.</summary>
public sealed class NewOrderValidator : AbstractValidator<NewOrder>
{
    public const int MaxItems = 100;
    public const int MaxQuantity = 999;

    public NewOrderValidator()
    {
        RuleFor(o => o.Items).NotEmpty().WithMessage("Add at least one product.")
            .Must(items => items.Count <= MaxItems).WithMessage($"An order has at most {MaxItems} products.");
        RuleFor(o => o.Currency)
            .Matches("^[A-Za-z]{3}$").When(o => !string.IsNullOrEmpty(o.Currency))
            .WithMessage("Use a three-letter currency code such as HKD, USD or EUR.");
        RuleFor(o => o.Note).MaximumLength(1000).WithMessage("The note can be at most 1,000 characters.");
        RuleForEach(o => o.Items).ChildRules(line =>
        {
            line.RuleFor(l => l.RetailerId).NotEmpty().WithMessage("Name the product by its retailer id (the catalog's Content ID).")
                .MaximumLength(100).WithMessage("A retailer id is at most 100 characters.");
            line.RuleFor(l => l.Name).MaximumLength(200).WithMessage("A product name is at most 200 characters.");
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, MaxQuantity).WithMessage($"The quantity is a whole number from 1 to {MaxQuantity}.");
            line.RuleFor(l => l.UnitPrice).GreaterThanOrEqualTo(0).WithMessage("The unit price cannot be negative.")
                .LessThan(100_000_000).WithMessage("The unit price is too large.")
                .Must(p => decimal.Round(p, 2) == p).WithMessage("The unit price has at most two decimals.");
        });
    }
}
