using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class WebhookEventLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChannelEvents_DeliveryId",
                table: "ChannelEvents",
                column: "DeliveryId");

            migrationBuilder.AddForeignKey(
                name: "FK_ChannelEvents_WebhookDeliveries_DeliveryId",
                table: "ChannelEvents",
                column: "DeliveryId",
                principalTable: "WebhookDeliveries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChannelEvents_WebhookDeliveries_DeliveryId",
                table: "ChannelEvents");

            migrationBuilder.DropIndex(
                name: "IX_ChannelEvents_DeliveryId",
                table: "ChannelEvents");
        }
    }
}
