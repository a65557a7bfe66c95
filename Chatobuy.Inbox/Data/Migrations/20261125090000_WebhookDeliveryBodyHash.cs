using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class WebhookDeliveryBodyHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodySha256",
                table: "WebhookDeliveries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_BodySha256",
                table: "WebhookDeliveries",
                column: "BodySha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_BodySha256",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "BodySha256",
                table: "WebhookDeliveries");
        }
    }
}
