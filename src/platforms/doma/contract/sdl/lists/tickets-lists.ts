import { list } from '../list-model.js';

/**
 * Tickets (заявки) and their classifiers, statuses, sources and observers. Fields as the platform's
 * schema publishes them (`reference/doma/condo-schema.graphql`), in our notation (list-model.ts).
 */
export const ticketLists = [
  list(
    'Ticket',
    `organization:>Organization statusReopenedCounter:int reviewValue:enum reviewComment:text
     feedbackValue:enum feedbackComment:text
     feedbackAdditionalOptions:json=[FeedbackAdditionalOptionsType] feedbackUpdatedAt:ord
     qualityControlValue:enum qualityControlComment:text
     qualityControlAdditionalOptions:json=[QualityControlAdditionalOptionsType]
     qualityControlUpdatedAt:ord qualityControlUpdatedBy:>User statusUpdatedAt:ord completedAt:ord
     lastCommentAt:ord lastResidentCommentAt:ord lastCommentWithResidentTypeAt:ord
     lastCommentWithOrganizationTypeAt:ord lastCommentWithResidentTypeCreatedByUserType:enum
     statusReason:text status:>TicketStatus deadline:ord order:int number:int client:>User
     contact:>Contact clientName:text clientEmail:text clientPhone:text assignee:>User executor:>User
     observers:*TicketObserver categoryClassifier:>TicketCategoryClassifier
     placeClassifier:>TicketPlaceClassifier problemClassifier:>TicketProblemClassifier
     classifier:>TicketClassifier isAutoClassified:bool title:text details:text related:>Ticket
     isPaid:bool isPayable:bool isEmergency:bool isWarranty:bool isInsurance:bool
     isResidentTicket:bool canReadByResident:bool meta:json priority:int kanbanColumn:text
     kanbanOrder:int customClassifier:text property:>Property propertyAddress:text
     propertyAddressMeta:json sectionName:text sectionType:enum floorName:text unitName:text
     unitType:enum source:>TicketSource sourceMeta:json deferredUntil:ord
     isCompletedAfterDeadline:bool sentToAuthoritiesAt:ord @tracked`,
  ),
  list('TicketStatus', `organization:>Organization type:enum name:text @tracked`),
  list('TicketObserver', `ticket:>Ticket user:>User @tracked`),
  list('TicketCategoryClassifier', `organization:>Organization name:text @tracked`),
  list('TicketPlaceClassifier', `organization:>Organization name:text @tracked`),
  list('TicketProblemClassifier', `organization:>Organization name:text @tracked`),
  list(
    'TicketClassifier',
    `organization:>Organization place:>TicketPlaceClassifier category:>TicketCategoryClassifier
     problem:>TicketProblemClassifier @tracked`,
  ),
  list('TicketSource', `organization:>Organization type:enum name:text isDefault:bool @tracked`),
];
