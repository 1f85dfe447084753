import type { Messages } from "./zh-cn.ts";

/** English texts of the risk card preview and its public page. */
export const cardsEn: Messages["cards"] = {
  title: "Risk notification card",
  sizeA4: "A4 (file copy)",
  sizeSmall: "A5 (posting at the post)",
  download: "Download PDF",
  open: "Open in a new window",
  previewTitle: "Risk notification card preview",
  hint: "The card is drawn again when the source or its grade changes; its QR link stops working a month after the review is due.",
  loadFailed: "The card could not be loaded",
  publicTitle: "Risk source — public information",
  publicNote:
    "Opened from a risk notification card's QR code: only the source's public information is shown.",
  linkExpired: "This QR link has expired; see the card currently posted on site.",
  linkInvalid: "This QR link is not valid, or the risk source no longer exists.",
  linkExpiresAt: "Link valid until",
  fields: {
    enterprise: "Enterprise",
    place: "Place",
    supervision: "Territorial and industry supervision",
    industry: "Industry",
    level: "Risk level",
    hazards: "Main hazard factors",
    accidentTypes: "Possible accident types",
    consequences: "Possible consequences",
    engineering: "Engineering controls",
    management: "Management controls",
    emergency: "Emergency measures",
    protectiveEquipment: "Protective equipment",
    safetySigns: "Safety signs",
    phones: "Emergency phones",
    assessment: "Assessed on / method version",
  },
  phones: "Police {{police}} · Fire {{fire}} · Ambulance {{medical}} · Safety hotline {{report}}",
};
