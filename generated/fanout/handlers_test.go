// Written by testdata/mkfanout.go; do not edit.

package fanout

import (
	"github.com/fwgo/fw/runtime/fwimpl"
)

// newDispatcher binds every processor to a handler that counts its calls in *n.
func newDispatcher(n *int) *fwDispatcher {
	return &fwDispatcher{h: Handlers{
		One:   hit[OneHitContext]{n},
		T00:   hit[T00HitContext]{n},
		T01:   hit[T01HitContext]{n},
		T02:   hit[T02HitContext]{n},
		T03:   hit[T03HitContext]{n},
		T04:   hit[T04HitContext]{n},
		T05:   hit[T05HitContext]{n},
		T06:   hit[T06HitContext]{n},
		T07:   hit[T07HitContext]{n},
		T08:   hit[T08HitContext]{n},
		T09:   hit[T09HitContext]{n},
		H000:  hit[H000HitContext]{n},
		H001:  hit[H001HitContext]{n},
		H002:  hit[H002HitContext]{n},
		H003:  hit[H003HitContext]{n},
		H004:  hit[H004HitContext]{n},
		H005:  hit[H005HitContext]{n},
		H006:  hit[H006HitContext]{n},
		H007:  hit[H007HitContext]{n},
		H008:  hit[H008HitContext]{n},
		H009:  hit[H009HitContext]{n},
		H010:  hit[H010HitContext]{n},
		H011:  hit[H011HitContext]{n},
		H012:  hit[H012HitContext]{n},
		H013:  hit[H013HitContext]{n},
		H014:  hit[H014HitContext]{n},
		H015:  hit[H015HitContext]{n},
		H016:  hit[H016HitContext]{n},
		H017:  hit[H017HitContext]{n},
		H018:  hit[H018HitContext]{n},
		H019:  hit[H019HitContext]{n},
		H020:  hit[H020HitContext]{n},
		H021:  hit[H021HitContext]{n},
		H022:  hit[H022HitContext]{n},
		H023:  hit[H023HitContext]{n},
		H024:  hit[H024HitContext]{n},
		H025:  hit[H025HitContext]{n},
		H026:  hit[H026HitContext]{n},
		H027:  hit[H027HitContext]{n},
		H028:  hit[H028HitContext]{n},
		H029:  hit[H029HitContext]{n},
		H030:  hit[H030HitContext]{n},
		H031:  hit[H031HitContext]{n},
		H032:  hit[H032HitContext]{n},
		H033:  hit[H033HitContext]{n},
		H034:  hit[H034HitContext]{n},
		H035:  hit[H035HitContext]{n},
		H036:  hit[H036HitContext]{n},
		H037:  hit[H037HitContext]{n},
		H038:  hit[H038HitContext]{n},
		H039:  hit[H039HitContext]{n},
		H040:  hit[H040HitContext]{n},
		H041:  hit[H041HitContext]{n},
		H042:  hit[H042HitContext]{n},
		H043:  hit[H043HitContext]{n},
		H044:  hit[H044HitContext]{n},
		H045:  hit[H045HitContext]{n},
		H046:  hit[H046HitContext]{n},
		H047:  hit[H047HitContext]{n},
		H048:  hit[H048HitContext]{n},
		H049:  hit[H049HitContext]{n},
		H050:  hit[H050HitContext]{n},
		H051:  hit[H051HitContext]{n},
		H052:  hit[H052HitContext]{n},
		H053:  hit[H053HitContext]{n},
		H054:  hit[H054HitContext]{n},
		H055:  hit[H055HitContext]{n},
		H056:  hit[H056HitContext]{n},
		H057:  hit[H057HitContext]{n},
		H058:  hit[H058HitContext]{n},
		H059:  hit[H059HitContext]{n},
		H060:  hit[H060HitContext]{n},
		H061:  hit[H061HitContext]{n},
		H062:  hit[H062HitContext]{n},
		H063:  hit[H063HitContext]{n},
		H064:  hit[H064HitContext]{n},
		H065:  hit[H065HitContext]{n},
		H066:  hit[H066HitContext]{n},
		H067:  hit[H067HitContext]{n},
		H068:  hit[H068HitContext]{n},
		H069:  hit[H069HitContext]{n},
		H070:  hit[H070HitContext]{n},
		H071:  hit[H071HitContext]{n},
		H072:  hit[H072HitContext]{n},
		H073:  hit[H073HitContext]{n},
		H074:  hit[H074HitContext]{n},
		H075:  hit[H075HitContext]{n},
		H076:  hit[H076HitContext]{n},
		H077:  hit[H077HitContext]{n},
		H078:  hit[H078HitContext]{n},
		H079:  hit[H079HitContext]{n},
		H080:  hit[H080HitContext]{n},
		H081:  hit[H081HitContext]{n},
		H082:  hit[H082HitContext]{n},
		H083:  hit[H083HitContext]{n},
		H084:  hit[H084HitContext]{n},
		H085:  hit[H085HitContext]{n},
		H086:  hit[H086HitContext]{n},
		H087:  hit[H087HitContext]{n},
		H088:  hit[H088HitContext]{n},
		H089:  hit[H089HitContext]{n},
		H090:  hit[H090HitContext]{n},
		H091:  hit[H091HitContext]{n},
		H092:  hit[H092HitContext]{n},
		H093:  hit[H093HitContext]{n},
		H094:  hit[H094HitContext]{n},
		H095:  hit[H095HitContext]{n},
		H096:  hit[H096HitContext]{n},
		H097:  hit[H097HitContext]{n},
		H098:  hit[H098HitContext]{n},
		H099:  hit[H099HitContext]{n},
		P0000: hit[P0000HitContext]{n},
		P0001: hit[P0001HitContext]{n},
		P0002: hit[P0002HitContext]{n},
		P0003: hit[P0003HitContext]{n},
		P0004: hit[P0004HitContext]{n},
		P0005: hit[P0005HitContext]{n},
		P0006: hit[P0006HitContext]{n},
		P0007: hit[P0007HitContext]{n},
		P0008: hit[P0008HitContext]{n},
		P0009: hit[P0009HitContext]{n},
		P0010: hit[P0010HitContext]{n},
		P0011: hit[P0011HitContext]{n},
		P0012: hit[P0012HitContext]{n},
		P0013: hit[P0013HitContext]{n},
		P0014: hit[P0014HitContext]{n},
		P0015: hit[P0015HitContext]{n},
		P0016: hit[P0016HitContext]{n},
		P0017: hit[P0017HitContext]{n},
		P0018: hit[P0018HitContext]{n},
		P0019: hit[P0019HitContext]{n},
		P0020: hit[P0020HitContext]{n},
		P0021: hit[P0021HitContext]{n},
		P0022: hit[P0022HitContext]{n},
		P0023: hit[P0023HitContext]{n},
		P0024: hit[P0024HitContext]{n},
		P0025: hit[P0025HitContext]{n},
		P0026: hit[P0026HitContext]{n},
		P0027: hit[P0027HitContext]{n},
		P0028: hit[P0028HitContext]{n},
		P0029: hit[P0029HitContext]{n},
		P0030: hit[P0030HitContext]{n},
		P0031: hit[P0031HitContext]{n},
		P0032: hit[P0032HitContext]{n},
		P0033: hit[P0033HitContext]{n},
		P0034: hit[P0034HitContext]{n},
		P0035: hit[P0035HitContext]{n},
		P0036: hit[P0036HitContext]{n},
		P0037: hit[P0037HitContext]{n},
		P0038: hit[P0038HitContext]{n},
		P0039: hit[P0039HitContext]{n},
		P0040: hit[P0040HitContext]{n},
		P0041: hit[P0041HitContext]{n},
		P0042: hit[P0042HitContext]{n},
		P0043: hit[P0043HitContext]{n},
		P0044: hit[P0044HitContext]{n},
		P0045: hit[P0045HitContext]{n},
		P0046: hit[P0046HitContext]{n},
		P0047: hit[P0047HitContext]{n},
		P0048: hit[P0048HitContext]{n},
		P0049: hit[P0049HitContext]{n},
		P0050: hit[P0050HitContext]{n},
		P0051: hit[P0051HitContext]{n},
		P0052: hit[P0052HitContext]{n},
		P0053: hit[P0053HitContext]{n},
		P0054: hit[P0054HitContext]{n},
		P0055: hit[P0055HitContext]{n},
		P0056: hit[P0056HitContext]{n},
		P0057: hit[P0057HitContext]{n},
		P0058: hit[P0058HitContext]{n},
		P0059: hit[P0059HitContext]{n},
		P0060: hit[P0060HitContext]{n},
		P0061: hit[P0061HitContext]{n},
		P0062: hit[P0062HitContext]{n},
		P0063: hit[P0063HitContext]{n},
		P0064: hit[P0064HitContext]{n},
		P0065: hit[P0065HitContext]{n},
		P0066: hit[P0066HitContext]{n},
		P0067: hit[P0067HitContext]{n},
		P0068: hit[P0068HitContext]{n},
		P0069: hit[P0069HitContext]{n},
		P0070: hit[P0070HitContext]{n},
		P0071: hit[P0071HitContext]{n},
		P0072: hit[P0072HitContext]{n},
		P0073: hit[P0073HitContext]{n},
		P0074: hit[P0074HitContext]{n},
		P0075: hit[P0075HitContext]{n},
		P0076: hit[P0076HitContext]{n},
		P0077: hit[P0077HitContext]{n},
		P0078: hit[P0078HitContext]{n},
		P0079: hit[P0079HitContext]{n},
		P0080: hit[P0080HitContext]{n},
		P0081: hit[P0081HitContext]{n},
		P0082: hit[P0082HitContext]{n},
		P0083: hit[P0083HitContext]{n},
		P0084: hit[P0084HitContext]{n},
		P0085: hit[P0085HitContext]{n},
		P0086: hit[P0086HitContext]{n},
		P0087: hit[P0087HitContext]{n},
		P0088: hit[P0088HitContext]{n},
		P0089: hit[P0089HitContext]{n},
		P0090: hit[P0090HitContext]{n},
		P0091: hit[P0091HitContext]{n},
		P0092: hit[P0092HitContext]{n},
		P0093: hit[P0093HitContext]{n},
		P0094: hit[P0094HitContext]{n},
		P0095: hit[P0095HitContext]{n},
		P0096: hit[P0096HitContext]{n},
		P0097: hit[P0097HitContext]{n},
		P0098: hit[P0098HitContext]{n},
		P0099: hit[P0099HitContext]{n},
		P0100: hit[P0100HitContext]{n},
		P0101: hit[P0101HitContext]{n},
		P0102: hit[P0102HitContext]{n},
		P0103: hit[P0103HitContext]{n},
		P0104: hit[P0104HitContext]{n},
		P0105: hit[P0105HitContext]{n},
		P0106: hit[P0106HitContext]{n},
		P0107: hit[P0107HitContext]{n},
		P0108: hit[P0108HitContext]{n},
		P0109: hit[P0109HitContext]{n},
		P0110: hit[P0110HitContext]{n},
		P0111: hit[P0111HitContext]{n},
		P0112: hit[P0112HitContext]{n},
		P0113: hit[P0113HitContext]{n},
		P0114: hit[P0114HitContext]{n},
		P0115: hit[P0115HitContext]{n},
		P0116: hit[P0116HitContext]{n},
		P0117: hit[P0117HitContext]{n},
		P0118: hit[P0118HitContext]{n},
		P0119: hit[P0119HitContext]{n},
		P0120: hit[P0120HitContext]{n},
		P0121: hit[P0121HitContext]{n},
		P0122: hit[P0122HitContext]{n},
		P0123: hit[P0123HitContext]{n},
		P0124: hit[P0124HitContext]{n},
		P0125: hit[P0125HitContext]{n},
		P0126: hit[P0126HitContext]{n},
		P0127: hit[P0127HitContext]{n},
		P0128: hit[P0128HitContext]{n},
		P0129: hit[P0129HitContext]{n},
		P0130: hit[P0130HitContext]{n},
		P0131: hit[P0131HitContext]{n},
		P0132: hit[P0132HitContext]{n},
		P0133: hit[P0133HitContext]{n},
		P0134: hit[P0134HitContext]{n},
		P0135: hit[P0135HitContext]{n},
		P0136: hit[P0136HitContext]{n},
		P0137: hit[P0137HitContext]{n},
		P0138: hit[P0138HitContext]{n},
		P0139: hit[P0139HitContext]{n},
		P0140: hit[P0140HitContext]{n},
		P0141: hit[P0141HitContext]{n},
		P0142: hit[P0142HitContext]{n},
		P0143: hit[P0143HitContext]{n},
		P0144: hit[P0144HitContext]{n},
		P0145: hit[P0145HitContext]{n},
		P0146: hit[P0146HitContext]{n},
		P0147: hit[P0147HitContext]{n},
		P0148: hit[P0148HitContext]{n},
		P0149: hit[P0149HitContext]{n},
		P0150: hit[P0150HitContext]{n},
		P0151: hit[P0151HitContext]{n},
		P0152: hit[P0152HitContext]{n},
		P0153: hit[P0153HitContext]{n},
		P0154: hit[P0154HitContext]{n},
		P0155: hit[P0155HitContext]{n},
		P0156: hit[P0156HitContext]{n},
		P0157: hit[P0157HitContext]{n},
		P0158: hit[P0158HitContext]{n},
		P0159: hit[P0159HitContext]{n},
		P0160: hit[P0160HitContext]{n},
		P0161: hit[P0161HitContext]{n},
		P0162: hit[P0162HitContext]{n},
		P0163: hit[P0163HitContext]{n},
		P0164: hit[P0164HitContext]{n},
		P0165: hit[P0165HitContext]{n},
		P0166: hit[P0166HitContext]{n},
		P0167: hit[P0167HitContext]{n},
		P0168: hit[P0168HitContext]{n},
		P0169: hit[P0169HitContext]{n},
		P0170: hit[P0170HitContext]{n},
		P0171: hit[P0171HitContext]{n},
		P0172: hit[P0172HitContext]{n},
		P0173: hit[P0173HitContext]{n},
		P0174: hit[P0174HitContext]{n},
		P0175: hit[P0175HitContext]{n},
		P0176: hit[P0176HitContext]{n},
		P0177: hit[P0177HitContext]{n},
		P0178: hit[P0178HitContext]{n},
		P0179: hit[P0179HitContext]{n},
		P0180: hit[P0180HitContext]{n},
		P0181: hit[P0181HitContext]{n},
		P0182: hit[P0182HitContext]{n},
		P0183: hit[P0183HitContext]{n},
		P0184: hit[P0184HitContext]{n},
		P0185: hit[P0185HitContext]{n},
		P0186: hit[P0186HitContext]{n},
		P0187: hit[P0187HitContext]{n},
		P0188: hit[P0188HitContext]{n},
		P0189: hit[P0189HitContext]{n},
		P0190: hit[P0190HitContext]{n},
		P0191: hit[P0191HitContext]{n},
		P0192: hit[P0192HitContext]{n},
		P0193: hit[P0193HitContext]{n},
		P0194: hit[P0194HitContext]{n},
		P0195: hit[P0195HitContext]{n},
		P0196: hit[P0196HitContext]{n},
		P0197: hit[P0197HitContext]{n},
		P0198: hit[P0198HitContext]{n},
		P0199: hit[P0199HitContext]{n},
		P0200: hit[P0200HitContext]{n},
		P0201: hit[P0201HitContext]{n},
		P0202: hit[P0202HitContext]{n},
		P0203: hit[P0203HitContext]{n},
		P0204: hit[P0204HitContext]{n},
		P0205: hit[P0205HitContext]{n},
		P0206: hit[P0206HitContext]{n},
		P0207: hit[P0207HitContext]{n},
		P0208: hit[P0208HitContext]{n},
		P0209: hit[P0209HitContext]{n},
		P0210: hit[P0210HitContext]{n},
		P0211: hit[P0211HitContext]{n},
		P0212: hit[P0212HitContext]{n},
		P0213: hit[P0213HitContext]{n},
		P0214: hit[P0214HitContext]{n},
		P0215: hit[P0215HitContext]{n},
		P0216: hit[P0216HitContext]{n},
		P0217: hit[P0217HitContext]{n},
		P0218: hit[P0218HitContext]{n},
		P0219: hit[P0219HitContext]{n},
		P0220: hit[P0220HitContext]{n},
		P0221: hit[P0221HitContext]{n},
		P0222: hit[P0222HitContext]{n},
		P0223: hit[P0223HitContext]{n},
		P0224: hit[P0224HitContext]{n},
		P0225: hit[P0225HitContext]{n},
		P0226: hit[P0226HitContext]{n},
		P0227: hit[P0227HitContext]{n},
		P0228: hit[P0228HitContext]{n},
		P0229: hit[P0229HitContext]{n},
		P0230: hit[P0230HitContext]{n},
		P0231: hit[P0231HitContext]{n},
		P0232: hit[P0232HitContext]{n},
		P0233: hit[P0233HitContext]{n},
		P0234: hit[P0234HitContext]{n},
		P0235: hit[P0235HitContext]{n},
		P0236: hit[P0236HitContext]{n},
		P0237: hit[P0237HitContext]{n},
		P0238: hit[P0238HitContext]{n},
		P0239: hit[P0239HitContext]{n},
		P0240: hit[P0240HitContext]{n},
		P0241: hit[P0241HitContext]{n},
		P0242: hit[P0242HitContext]{n},
		P0243: hit[P0243HitContext]{n},
		P0244: hit[P0244HitContext]{n},
		P0245: hit[P0245HitContext]{n},
		P0246: hit[P0246HitContext]{n},
		P0247: hit[P0247HitContext]{n},
		P0248: hit[P0248HitContext]{n},
		P0249: hit[P0249HitContext]{n},
		P0250: hit[P0250HitContext]{n},
		P0251: hit[P0251HitContext]{n},
		P0252: hit[P0252HitContext]{n},
		P0253: hit[P0253HitContext]{n},
		P0254: hit[P0254HitContext]{n},
		P0255: hit[P0255HitContext]{n},
		P0256: hit[P0256HitContext]{n},
		P0257: hit[P0257HitContext]{n},
		P0258: hit[P0258HitContext]{n},
		P0259: hit[P0259HitContext]{n},
		P0260: hit[P0260HitContext]{n},
		P0261: hit[P0261HitContext]{n},
		P0262: hit[P0262HitContext]{n},
		P0263: hit[P0263HitContext]{n},
		P0264: hit[P0264HitContext]{n},
		P0265: hit[P0265HitContext]{n},
		P0266: hit[P0266HitContext]{n},
		P0267: hit[P0267HitContext]{n},
		P0268: hit[P0268HitContext]{n},
		P0269: hit[P0269HitContext]{n},
		P0270: hit[P0270HitContext]{n},
		P0271: hit[P0271HitContext]{n},
		P0272: hit[P0272HitContext]{n},
		P0273: hit[P0273HitContext]{n},
		P0274: hit[P0274HitContext]{n},
		P0275: hit[P0275HitContext]{n},
		P0276: hit[P0276HitContext]{n},
		P0277: hit[P0277HitContext]{n},
		P0278: hit[P0278HitContext]{n},
		P0279: hit[P0279HitContext]{n},
		P0280: hit[P0280HitContext]{n},
		P0281: hit[P0281HitContext]{n},
		P0282: hit[P0282HitContext]{n},
		P0283: hit[P0283HitContext]{n},
		P0284: hit[P0284HitContext]{n},
		P0285: hit[P0285HitContext]{n},
		P0286: hit[P0286HitContext]{n},
		P0287: hit[P0287HitContext]{n},
		P0288: hit[P0288HitContext]{n},
		P0289: hit[P0289HitContext]{n},
		P0290: hit[P0290HitContext]{n},
		P0291: hit[P0291HitContext]{n},
		P0292: hit[P0292HitContext]{n},
		P0293: hit[P0293HitContext]{n},
		P0294: hit[P0294HitContext]{n},
		P0295: hit[P0295HitContext]{n},
		P0296: hit[P0296HitContext]{n},
		P0297: hit[P0297HitContext]{n},
		P0298: hit[P0298HitContext]{n},
		P0299: hit[P0299HitContext]{n},
		P0300: hit[P0300HitContext]{n},
		P0301: hit[P0301HitContext]{n},
		P0302: hit[P0302HitContext]{n},
		P0303: hit[P0303HitContext]{n},
		P0304: hit[P0304HitContext]{n},
		P0305: hit[P0305HitContext]{n},
		P0306: hit[P0306HitContext]{n},
		P0307: hit[P0307HitContext]{n},
		P0308: hit[P0308HitContext]{n},
		P0309: hit[P0309HitContext]{n},
		P0310: hit[P0310HitContext]{n},
		P0311: hit[P0311HitContext]{n},
		P0312: hit[P0312HitContext]{n},
		P0313: hit[P0313HitContext]{n},
		P0314: hit[P0314HitContext]{n},
		P0315: hit[P0315HitContext]{n},
		P0316: hit[P0316HitContext]{n},
		P0317: hit[P0317HitContext]{n},
		P0318: hit[P0318HitContext]{n},
		P0319: hit[P0319HitContext]{n},
		P0320: hit[P0320HitContext]{n},
		P0321: hit[P0321HitContext]{n},
		P0322: hit[P0322HitContext]{n},
		P0323: hit[P0323HitContext]{n},
		P0324: hit[P0324HitContext]{n},
		P0325: hit[P0325HitContext]{n},
		P0326: hit[P0326HitContext]{n},
		P0327: hit[P0327HitContext]{n},
		P0328: hit[P0328HitContext]{n},
		P0329: hit[P0329HitContext]{n},
		P0330: hit[P0330HitContext]{n},
		P0331: hit[P0331HitContext]{n},
		P0332: hit[P0332HitContext]{n},
		P0333: hit[P0333HitContext]{n},
		P0334: hit[P0334HitContext]{n},
		P0335: hit[P0335HitContext]{n},
		P0336: hit[P0336HitContext]{n},
		P0337: hit[P0337HitContext]{n},
		P0338: hit[P0338HitContext]{n},
		P0339: hit[P0339HitContext]{n},
		P0340: hit[P0340HitContext]{n},
		P0341: hit[P0341HitContext]{n},
		P0342: hit[P0342HitContext]{n},
		P0343: hit[P0343HitContext]{n},
		P0344: hit[P0344HitContext]{n},
		P0345: hit[P0345HitContext]{n},
		P0346: hit[P0346HitContext]{n},
		P0347: hit[P0347HitContext]{n},
		P0348: hit[P0348HitContext]{n},
		P0349: hit[P0349HitContext]{n},
		P0350: hit[P0350HitContext]{n},
		P0351: hit[P0351HitContext]{n},
		P0352: hit[P0352HitContext]{n},
		P0353: hit[P0353HitContext]{n},
		P0354: hit[P0354HitContext]{n},
		P0355: hit[P0355HitContext]{n},
		P0356: hit[P0356HitContext]{n},
		P0357: hit[P0357HitContext]{n},
		P0358: hit[P0358HitContext]{n},
		P0359: hit[P0359HitContext]{n},
		P0360: hit[P0360HitContext]{n},
		P0361: hit[P0361HitContext]{n},
		P0362: hit[P0362HitContext]{n},
		P0363: hit[P0363HitContext]{n},
		P0364: hit[P0364HitContext]{n},
		P0365: hit[P0365HitContext]{n},
		P0366: hit[P0366HitContext]{n},
		P0367: hit[P0367HitContext]{n},
		P0368: hit[P0368HitContext]{n},
		P0369: hit[P0369HitContext]{n},
		P0370: hit[P0370HitContext]{n},
		P0371: hit[P0371HitContext]{n},
		P0372: hit[P0372HitContext]{n},
		P0373: hit[P0373HitContext]{n},
		P0374: hit[P0374HitContext]{n},
		P0375: hit[P0375HitContext]{n},
		P0376: hit[P0376HitContext]{n},
		P0377: hit[P0377HitContext]{n},
		P0378: hit[P0378HitContext]{n},
		P0379: hit[P0379HitContext]{n},
		P0380: hit[P0380HitContext]{n},
		P0381: hit[P0381HitContext]{n},
		P0382: hit[P0382HitContext]{n},
		P0383: hit[P0383HitContext]{n},
		P0384: hit[P0384HitContext]{n},
		P0385: hit[P0385HitContext]{n},
		P0386: hit[P0386HitContext]{n},
		P0387: hit[P0387HitContext]{n},
		P0388: hit[P0388HitContext]{n},
		P0389: hit[P0389HitContext]{n},
		P0390: hit[P0390HitContext]{n},
		P0391: hit[P0391HitContext]{n},
		P0392: hit[P0392HitContext]{n},
		P0393: hit[P0393HitContext]{n},
		P0394: hit[P0394HitContext]{n},
		P0395: hit[P0395HitContext]{n},
		P0396: hit[P0396HitContext]{n},
		P0397: hit[P0397HitContext]{n},
		P0398: hit[P0398HitContext]{n},
		P0399: hit[P0399HitContext]{n},
		P0400: hit[P0400HitContext]{n},
		P0401: hit[P0401HitContext]{n},
		P0402: hit[P0402HitContext]{n},
		P0403: hit[P0403HitContext]{n},
		P0404: hit[P0404HitContext]{n},
		P0405: hit[P0405HitContext]{n},
		P0406: hit[P0406HitContext]{n},
		P0407: hit[P0407HitContext]{n},
		P0408: hit[P0408HitContext]{n},
		P0409: hit[P0409HitContext]{n},
		P0410: hit[P0410HitContext]{n},
		P0411: hit[P0411HitContext]{n},
		P0412: hit[P0412HitContext]{n},
		P0413: hit[P0413HitContext]{n},
		P0414: hit[P0414HitContext]{n},
		P0415: hit[P0415HitContext]{n},
		P0416: hit[P0416HitContext]{n},
		P0417: hit[P0417HitContext]{n},
		P0418: hit[P0418HitContext]{n},
		P0419: hit[P0419HitContext]{n},
		P0420: hit[P0420HitContext]{n},
		P0421: hit[P0421HitContext]{n},
		P0422: hit[P0422HitContext]{n},
		P0423: hit[P0423HitContext]{n},
		P0424: hit[P0424HitContext]{n},
		P0425: hit[P0425HitContext]{n},
		P0426: hit[P0426HitContext]{n},
		P0427: hit[P0427HitContext]{n},
		P0428: hit[P0428HitContext]{n},
		P0429: hit[P0429HitContext]{n},
		P0430: hit[P0430HitContext]{n},
		P0431: hit[P0431HitContext]{n},
		P0432: hit[P0432HitContext]{n},
		P0433: hit[P0433HitContext]{n},
		P0434: hit[P0434HitContext]{n},
		P0435: hit[P0435HitContext]{n},
		P0436: hit[P0436HitContext]{n},
		P0437: hit[P0437HitContext]{n},
		P0438: hit[P0438HitContext]{n},
		P0439: hit[P0439HitContext]{n},
		P0440: hit[P0440HitContext]{n},
		P0441: hit[P0441HitContext]{n},
		P0442: hit[P0442HitContext]{n},
		P0443: hit[P0443HitContext]{n},
		P0444: hit[P0444HitContext]{n},
		P0445: hit[P0445HitContext]{n},
		P0446: hit[P0446HitContext]{n},
		P0447: hit[P0447HitContext]{n},
		P0448: hit[P0448HitContext]{n},
		P0449: hit[P0449HitContext]{n},
		P0450: hit[P0450HitContext]{n},
		P0451: hit[P0451HitContext]{n},
		P0452: hit[P0452HitContext]{n},
		P0453: hit[P0453HitContext]{n},
		P0454: hit[P0454HitContext]{n},
		P0455: hit[P0455HitContext]{n},
		P0456: hit[P0456HitContext]{n},
		P0457: hit[P0457HitContext]{n},
		P0458: hit[P0458HitContext]{n},
		P0459: hit[P0459HitContext]{n},
		P0460: hit[P0460HitContext]{n},
		P0461: hit[P0461HitContext]{n},
		P0462: hit[P0462HitContext]{n},
		P0463: hit[P0463HitContext]{n},
		P0464: hit[P0464HitContext]{n},
		P0465: hit[P0465HitContext]{n},
		P0466: hit[P0466HitContext]{n},
		P0467: hit[P0467HitContext]{n},
		P0468: hit[P0468HitContext]{n},
		P0469: hit[P0469HitContext]{n},
		P0470: hit[P0470HitContext]{n},
		P0471: hit[P0471HitContext]{n},
		P0472: hit[P0472HitContext]{n},
		P0473: hit[P0473HitContext]{n},
		P0474: hit[P0474HitContext]{n},
		P0475: hit[P0475HitContext]{n},
		P0476: hit[P0476HitContext]{n},
		P0477: hit[P0477HitContext]{n},
		P0478: hit[P0478HitContext]{n},
		P0479: hit[P0479HitContext]{n},
		P0480: hit[P0480HitContext]{n},
		P0481: hit[P0481HitContext]{n},
		P0482: hit[P0482HitContext]{n},
		P0483: hit[P0483HitContext]{n},
		P0484: hit[P0484HitContext]{n},
		P0485: hit[P0485HitContext]{n},
		P0486: hit[P0486HitContext]{n},
		P0487: hit[P0487HitContext]{n},
		P0488: hit[P0488HitContext]{n},
		P0489: hit[P0489HitContext]{n},
		P0490: hit[P0490HitContext]{n},
		P0491: hit[P0491HitContext]{n},
		P0492: hit[P0492HitContext]{n},
		P0493: hit[P0493HitContext]{n},
		P0494: hit[P0494HitContext]{n},
		P0495: hit[P0495HitContext]{n},
		P0496: hit[P0496HitContext]{n},
		P0497: hit[P0497HitContext]{n},
		P0498: hit[P0498HitContext]{n},
		P0499: hit[P0499HitContext]{n},
		P0500: hit[P0500HitContext]{n},
		P0501: hit[P0501HitContext]{n},
		P0502: hit[P0502HitContext]{n},
		P0503: hit[P0503HitContext]{n},
		P0504: hit[P0504HitContext]{n},
		P0505: hit[P0505HitContext]{n},
		P0506: hit[P0506HitContext]{n},
		P0507: hit[P0507HitContext]{n},
		P0508: hit[P0508HitContext]{n},
		P0509: hit[P0509HitContext]{n},
		P0510: hit[P0510HitContext]{n},
		P0511: hit[P0511HitContext]{n},
		P0512: hit[P0512HitContext]{n},
		P0513: hit[P0513HitContext]{n},
		P0514: hit[P0514HitContext]{n},
		P0515: hit[P0515HitContext]{n},
		P0516: hit[P0516HitContext]{n},
		P0517: hit[P0517HitContext]{n},
		P0518: hit[P0518HitContext]{n},
		P0519: hit[P0519HitContext]{n},
		P0520: hit[P0520HitContext]{n},
		P0521: hit[P0521HitContext]{n},
		P0522: hit[P0522HitContext]{n},
		P0523: hit[P0523HitContext]{n},
		P0524: hit[P0524HitContext]{n},
		P0525: hit[P0525HitContext]{n},
		P0526: hit[P0526HitContext]{n},
		P0527: hit[P0527HitContext]{n},
		P0528: hit[P0528HitContext]{n},
		P0529: hit[P0529HitContext]{n},
		P0530: hit[P0530HitContext]{n},
		P0531: hit[P0531HitContext]{n},
		P0532: hit[P0532HitContext]{n},
		P0533: hit[P0533HitContext]{n},
		P0534: hit[P0534HitContext]{n},
		P0535: hit[P0535HitContext]{n},
		P0536: hit[P0536HitContext]{n},
		P0537: hit[P0537HitContext]{n},
		P0538: hit[P0538HitContext]{n},
		P0539: hit[P0539HitContext]{n},
		P0540: hit[P0540HitContext]{n},
		P0541: hit[P0541HitContext]{n},
		P0542: hit[P0542HitContext]{n},
		P0543: hit[P0543HitContext]{n},
		P0544: hit[P0544HitContext]{n},
		P0545: hit[P0545HitContext]{n},
		P0546: hit[P0546HitContext]{n},
		P0547: hit[P0547HitContext]{n},
		P0548: hit[P0548HitContext]{n},
		P0549: hit[P0549HitContext]{n},
		P0550: hit[P0550HitContext]{n},
		P0551: hit[P0551HitContext]{n},
		P0552: hit[P0552HitContext]{n},
		P0553: hit[P0553HitContext]{n},
		P0554: hit[P0554HitContext]{n},
		P0555: hit[P0555HitContext]{n},
		P0556: hit[P0556HitContext]{n},
		P0557: hit[P0557HitContext]{n},
		P0558: hit[P0558HitContext]{n},
		P0559: hit[P0559HitContext]{n},
		P0560: hit[P0560HitContext]{n},
		P0561: hit[P0561HitContext]{n},
		P0562: hit[P0562HitContext]{n},
		P0563: hit[P0563HitContext]{n},
		P0564: hit[P0564HitContext]{n},
		P0565: hit[P0565HitContext]{n},
		P0566: hit[P0566HitContext]{n},
		P0567: hit[P0567HitContext]{n},
		P0568: hit[P0568HitContext]{n},
		P0569: hit[P0569HitContext]{n},
		P0570: hit[P0570HitContext]{n},
		P0571: hit[P0571HitContext]{n},
		P0572: hit[P0572HitContext]{n},
		P0573: hit[P0573HitContext]{n},
		P0574: hit[P0574HitContext]{n},
		P0575: hit[P0575HitContext]{n},
		P0576: hit[P0576HitContext]{n},
		P0577: hit[P0577HitContext]{n},
		P0578: hit[P0578HitContext]{n},
		P0579: hit[P0579HitContext]{n},
		P0580: hit[P0580HitContext]{n},
		P0581: hit[P0581HitContext]{n},
		P0582: hit[P0582HitContext]{n},
		P0583: hit[P0583HitContext]{n},
		P0584: hit[P0584HitContext]{n},
		P0585: hit[P0585HitContext]{n},
		P0586: hit[P0586HitContext]{n},
		P0587: hit[P0587HitContext]{n},
		P0588: hit[P0588HitContext]{n},
		P0589: hit[P0589HitContext]{n},
		P0590: hit[P0590HitContext]{n},
		P0591: hit[P0591HitContext]{n},
		P0592: hit[P0592HitContext]{n},
		P0593: hit[P0593HitContext]{n},
		P0594: hit[P0594HitContext]{n},
		P0595: hit[P0595HitContext]{n},
		P0596: hit[P0596HitContext]{n},
		P0597: hit[P0597HitContext]{n},
		P0598: hit[P0598HitContext]{n},
		P0599: hit[P0599HitContext]{n},
		P0600: hit[P0600HitContext]{n},
		P0601: hit[P0601HitContext]{n},
		P0602: hit[P0602HitContext]{n},
		P0603: hit[P0603HitContext]{n},
		P0604: hit[P0604HitContext]{n},
		P0605: hit[P0605HitContext]{n},
		P0606: hit[P0606HitContext]{n},
		P0607: hit[P0607HitContext]{n},
		P0608: hit[P0608HitContext]{n},
		P0609: hit[P0609HitContext]{n},
		P0610: hit[P0610HitContext]{n},
		P0611: hit[P0611HitContext]{n},
		P0612: hit[P0612HitContext]{n},
		P0613: hit[P0613HitContext]{n},
		P0614: hit[P0614HitContext]{n},
		P0615: hit[P0615HitContext]{n},
		P0616: hit[P0616HitContext]{n},
		P0617: hit[P0617HitContext]{n},
		P0618: hit[P0618HitContext]{n},
		P0619: hit[P0619HitContext]{n},
		P0620: hit[P0620HitContext]{n},
		P0621: hit[P0621HitContext]{n},
		P0622: hit[P0622HitContext]{n},
		P0623: hit[P0623HitContext]{n},
		P0624: hit[P0624HitContext]{n},
		P0625: hit[P0625HitContext]{n},
		P0626: hit[P0626HitContext]{n},
		P0627: hit[P0627HitContext]{n},
		P0628: hit[P0628HitContext]{n},
		P0629: hit[P0629HitContext]{n},
		P0630: hit[P0630HitContext]{n},
		P0631: hit[P0631HitContext]{n},
		P0632: hit[P0632HitContext]{n},
		P0633: hit[P0633HitContext]{n},
		P0634: hit[P0634HitContext]{n},
		P0635: hit[P0635HitContext]{n},
		P0636: hit[P0636HitContext]{n},
		P0637: hit[P0637HitContext]{n},
		P0638: hit[P0638HitContext]{n},
		P0639: hit[P0639HitContext]{n},
		P0640: hit[P0640HitContext]{n},
		P0641: hit[P0641HitContext]{n},
		P0642: hit[P0642HitContext]{n},
		P0643: hit[P0643HitContext]{n},
		P0644: hit[P0644HitContext]{n},
		P0645: hit[P0645HitContext]{n},
		P0646: hit[P0646HitContext]{n},
		P0647: hit[P0647HitContext]{n},
		P0648: hit[P0648HitContext]{n},
		P0649: hit[P0649HitContext]{n},
		P0650: hit[P0650HitContext]{n},
		P0651: hit[P0651HitContext]{n},
		P0652: hit[P0652HitContext]{n},
		P0653: hit[P0653HitContext]{n},
		P0654: hit[P0654HitContext]{n},
		P0655: hit[P0655HitContext]{n},
		P0656: hit[P0656HitContext]{n},
		P0657: hit[P0657HitContext]{n},
		P0658: hit[P0658HitContext]{n},
		P0659: hit[P0659HitContext]{n},
		P0660: hit[P0660HitContext]{n},
		P0661: hit[P0661HitContext]{n},
		P0662: hit[P0662HitContext]{n},
		P0663: hit[P0663HitContext]{n},
		P0664: hit[P0664HitContext]{n},
		P0665: hit[P0665HitContext]{n},
		P0666: hit[P0666HitContext]{n},
		P0667: hit[P0667HitContext]{n},
		P0668: hit[P0668HitContext]{n},
		P0669: hit[P0669HitContext]{n},
		P0670: hit[P0670HitContext]{n},
		P0671: hit[P0671HitContext]{n},
		P0672: hit[P0672HitContext]{n},
		P0673: hit[P0673HitContext]{n},
		P0674: hit[P0674HitContext]{n},
		P0675: hit[P0675HitContext]{n},
		P0676: hit[P0676HitContext]{n},
		P0677: hit[P0677HitContext]{n},
		P0678: hit[P0678HitContext]{n},
		P0679: hit[P0679HitContext]{n},
		P0680: hit[P0680HitContext]{n},
		P0681: hit[P0681HitContext]{n},
		P0682: hit[P0682HitContext]{n},
		P0683: hit[P0683HitContext]{n},
		P0684: hit[P0684HitContext]{n},
		P0685: hit[P0685HitContext]{n},
		P0686: hit[P0686HitContext]{n},
		P0687: hit[P0687HitContext]{n},
		P0688: hit[P0688HitContext]{n},
		P0689: hit[P0689HitContext]{n},
		P0690: hit[P0690HitContext]{n},
		P0691: hit[P0691HitContext]{n},
		P0692: hit[P0692HitContext]{n},
		P0693: hit[P0693HitContext]{n},
		P0694: hit[P0694HitContext]{n},
		P0695: hit[P0695HitContext]{n},
		P0696: hit[P0696HitContext]{n},
		P0697: hit[P0697HitContext]{n},
		P0698: hit[P0698HitContext]{n},
		P0699: hit[P0699HitContext]{n},
		P0700: hit[P0700HitContext]{n},
		P0701: hit[P0701HitContext]{n},
		P0702: hit[P0702HitContext]{n},
		P0703: hit[P0703HitContext]{n},
		P0704: hit[P0704HitContext]{n},
		P0705: hit[P0705HitContext]{n},
		P0706: hit[P0706HitContext]{n},
		P0707: hit[P0707HitContext]{n},
		P0708: hit[P0708HitContext]{n},
		P0709: hit[P0709HitContext]{n},
		P0710: hit[P0710HitContext]{n},
		P0711: hit[P0711HitContext]{n},
		P0712: hit[P0712HitContext]{n},
		P0713: hit[P0713HitContext]{n},
		P0714: hit[P0714HitContext]{n},
		P0715: hit[P0715HitContext]{n},
		P0716: hit[P0716HitContext]{n},
		P0717: hit[P0717HitContext]{n},
		P0718: hit[P0718HitContext]{n},
		P0719: hit[P0719HitContext]{n},
		P0720: hit[P0720HitContext]{n},
		P0721: hit[P0721HitContext]{n},
		P0722: hit[P0722HitContext]{n},
		P0723: hit[P0723HitContext]{n},
		P0724: hit[P0724HitContext]{n},
		P0725: hit[P0725HitContext]{n},
		P0726: hit[P0726HitContext]{n},
		P0727: hit[P0727HitContext]{n},
		P0728: hit[P0728HitContext]{n},
		P0729: hit[P0729HitContext]{n},
		P0730: hit[P0730HitContext]{n},
		P0731: hit[P0731HitContext]{n},
		P0732: hit[P0732HitContext]{n},
		P0733: hit[P0733HitContext]{n},
		P0734: hit[P0734HitContext]{n},
		P0735: hit[P0735HitContext]{n},
		P0736: hit[P0736HitContext]{n},
		P0737: hit[P0737HitContext]{n},
		P0738: hit[P0738HitContext]{n},
		P0739: hit[P0739HitContext]{n},
		P0740: hit[P0740HitContext]{n},
		P0741: hit[P0741HitContext]{n},
		P0742: hit[P0742HitContext]{n},
		P0743: hit[P0743HitContext]{n},
		P0744: hit[P0744HitContext]{n},
		P0745: hit[P0745HitContext]{n},
		P0746: hit[P0746HitContext]{n},
		P0747: hit[P0747HitContext]{n},
		P0748: hit[P0748HitContext]{n},
		P0749: hit[P0749HitContext]{n},
		P0750: hit[P0750HitContext]{n},
		P0751: hit[P0751HitContext]{n},
		P0752: hit[P0752HitContext]{n},
		P0753: hit[P0753HitContext]{n},
		P0754: hit[P0754HitContext]{n},
		P0755: hit[P0755HitContext]{n},
		P0756: hit[P0756HitContext]{n},
		P0757: hit[P0757HitContext]{n},
		P0758: hit[P0758HitContext]{n},
		P0759: hit[P0759HitContext]{n},
		P0760: hit[P0760HitContext]{n},
		P0761: hit[P0761HitContext]{n},
		P0762: hit[P0762HitContext]{n},
		P0763: hit[P0763HitContext]{n},
		P0764: hit[P0764HitContext]{n},
		P0765: hit[P0765HitContext]{n},
		P0766: hit[P0766HitContext]{n},
		P0767: hit[P0767HitContext]{n},
		P0768: hit[P0768HitContext]{n},
		P0769: hit[P0769HitContext]{n},
		P0770: hit[P0770HitContext]{n},
		P0771: hit[P0771HitContext]{n},
		P0772: hit[P0772HitContext]{n},
		P0773: hit[P0773HitContext]{n},
		P0774: hit[P0774HitContext]{n},
		P0775: hit[P0775HitContext]{n},
		P0776: hit[P0776HitContext]{n},
		P0777: hit[P0777HitContext]{n},
		P0778: hit[P0778HitContext]{n},
		P0779: hit[P0779HitContext]{n},
		P0780: hit[P0780HitContext]{n},
		P0781: hit[P0781HitContext]{n},
		P0782: hit[P0782HitContext]{n},
		P0783: hit[P0783HitContext]{n},
		P0784: hit[P0784HitContext]{n},
		P0785: hit[P0785HitContext]{n},
		P0786: hit[P0786HitContext]{n},
		P0787: hit[P0787HitContext]{n},
		P0788: hit[P0788HitContext]{n},
		P0789: hit[P0789HitContext]{n},
		P0790: hit[P0790HitContext]{n},
		P0791: hit[P0791HitContext]{n},
		P0792: hit[P0792HitContext]{n},
		P0793: hit[P0793HitContext]{n},
		P0794: hit[P0794HitContext]{n},
		P0795: hit[P0795HitContext]{n},
		P0796: hit[P0796HitContext]{n},
		P0797: hit[P0797HitContext]{n},
		P0798: hit[P0798HitContext]{n},
		P0799: hit[P0799HitContext]{n},
		P0800: hit[P0800HitContext]{n},
		P0801: hit[P0801HitContext]{n},
		P0802: hit[P0802HitContext]{n},
		P0803: hit[P0803HitContext]{n},
		P0804: hit[P0804HitContext]{n},
		P0805: hit[P0805HitContext]{n},
		P0806: hit[P0806HitContext]{n},
		P0807: hit[P0807HitContext]{n},
		P0808: hit[P0808HitContext]{n},
		P0809: hit[P0809HitContext]{n},
		P0810: hit[P0810HitContext]{n},
		P0811: hit[P0811HitContext]{n},
		P0812: hit[P0812HitContext]{n},
		P0813: hit[P0813HitContext]{n},
		P0814: hit[P0814HitContext]{n},
		P0815: hit[P0815HitContext]{n},
		P0816: hit[P0816HitContext]{n},
		P0817: hit[P0817HitContext]{n},
		P0818: hit[P0818HitContext]{n},
		P0819: hit[P0819HitContext]{n},
		P0820: hit[P0820HitContext]{n},
		P0821: hit[P0821HitContext]{n},
		P0822: hit[P0822HitContext]{n},
		P0823: hit[P0823HitContext]{n},
		P0824: hit[P0824HitContext]{n},
		P0825: hit[P0825HitContext]{n},
		P0826: hit[P0826HitContext]{n},
		P0827: hit[P0827HitContext]{n},
		P0828: hit[P0828HitContext]{n},
		P0829: hit[P0829HitContext]{n},
		P0830: hit[P0830HitContext]{n},
		P0831: hit[P0831HitContext]{n},
		P0832: hit[P0832HitContext]{n},
		P0833: hit[P0833HitContext]{n},
		P0834: hit[P0834HitContext]{n},
		P0835: hit[P0835HitContext]{n},
		P0836: hit[P0836HitContext]{n},
		P0837: hit[P0837HitContext]{n},
		P0838: hit[P0838HitContext]{n},
		P0839: hit[P0839HitContext]{n},
		P0840: hit[P0840HitContext]{n},
		P0841: hit[P0841HitContext]{n},
		P0842: hit[P0842HitContext]{n},
		P0843: hit[P0843HitContext]{n},
		P0844: hit[P0844HitContext]{n},
		P0845: hit[P0845HitContext]{n},
		P0846: hit[P0846HitContext]{n},
		P0847: hit[P0847HitContext]{n},
		P0848: hit[P0848HitContext]{n},
		P0849: hit[P0849HitContext]{n},
		P0850: hit[P0850HitContext]{n},
		P0851: hit[P0851HitContext]{n},
		P0852: hit[P0852HitContext]{n},
		P0853: hit[P0853HitContext]{n},
		P0854: hit[P0854HitContext]{n},
		P0855: hit[P0855HitContext]{n},
		P0856: hit[P0856HitContext]{n},
		P0857: hit[P0857HitContext]{n},
		P0858: hit[P0858HitContext]{n},
		P0859: hit[P0859HitContext]{n},
		P0860: hit[P0860HitContext]{n},
		P0861: hit[P0861HitContext]{n},
		P0862: hit[P0862HitContext]{n},
		P0863: hit[P0863HitContext]{n},
		P0864: hit[P0864HitContext]{n},
		P0865: hit[P0865HitContext]{n},
		P0866: hit[P0866HitContext]{n},
		P0867: hit[P0867HitContext]{n},
		P0868: hit[P0868HitContext]{n},
		P0869: hit[P0869HitContext]{n},
		P0870: hit[P0870HitContext]{n},
		P0871: hit[P0871HitContext]{n},
		P0872: hit[P0872HitContext]{n},
		P0873: hit[P0873HitContext]{n},
		P0874: hit[P0874HitContext]{n},
		P0875: hit[P0875HitContext]{n},
		P0876: hit[P0876HitContext]{n},
		P0877: hit[P0877HitContext]{n},
		P0878: hit[P0878HitContext]{n},
		P0879: hit[P0879HitContext]{n},
		P0880: hit[P0880HitContext]{n},
		P0881: hit[P0881HitContext]{n},
		P0882: hit[P0882HitContext]{n},
		P0883: hit[P0883HitContext]{n},
		P0884: hit[P0884HitContext]{n},
		P0885: hit[P0885HitContext]{n},
		P0886: hit[P0886HitContext]{n},
		P0887: hit[P0887HitContext]{n},
		P0888: hit[P0888HitContext]{n},
		P0889: hit[P0889HitContext]{n},
		P0890: hit[P0890HitContext]{n},
		P0891: hit[P0891HitContext]{n},
		P0892: hit[P0892HitContext]{n},
		P0893: hit[P0893HitContext]{n},
		P0894: hit[P0894HitContext]{n},
		P0895: hit[P0895HitContext]{n},
		P0896: hit[P0896HitContext]{n},
		P0897: hit[P0897HitContext]{n},
		P0898: hit[P0898HitContext]{n},
		P0899: hit[P0899HitContext]{n},
		P0900: hit[P0900HitContext]{n},
		P0901: hit[P0901HitContext]{n},
		P0902: hit[P0902HitContext]{n},
		P0903: hit[P0903HitContext]{n},
		P0904: hit[P0904HitContext]{n},
		P0905: hit[P0905HitContext]{n},
		P0906: hit[P0906HitContext]{n},
		P0907: hit[P0907HitContext]{n},
		P0908: hit[P0908HitContext]{n},
		P0909: hit[P0909HitContext]{n},
		P0910: hit[P0910HitContext]{n},
		P0911: hit[P0911HitContext]{n},
		P0912: hit[P0912HitContext]{n},
		P0913: hit[P0913HitContext]{n},
		P0914: hit[P0914HitContext]{n},
		P0915: hit[P0915HitContext]{n},
		P0916: hit[P0916HitContext]{n},
		P0917: hit[P0917HitContext]{n},
		P0918: hit[P0918HitContext]{n},
		P0919: hit[P0919HitContext]{n},
		P0920: hit[P0920HitContext]{n},
		P0921: hit[P0921HitContext]{n},
		P0922: hit[P0922HitContext]{n},
		P0923: hit[P0923HitContext]{n},
		P0924: hit[P0924HitContext]{n},
		P0925: hit[P0925HitContext]{n},
		P0926: hit[P0926HitContext]{n},
		P0927: hit[P0927HitContext]{n},
		P0928: hit[P0928HitContext]{n},
		P0929: hit[P0929HitContext]{n},
		P0930: hit[P0930HitContext]{n},
		P0931: hit[P0931HitContext]{n},
		P0932: hit[P0932HitContext]{n},
		P0933: hit[P0933HitContext]{n},
		P0934: hit[P0934HitContext]{n},
		P0935: hit[P0935HitContext]{n},
		P0936: hit[P0936HitContext]{n},
		P0937: hit[P0937HitContext]{n},
		P0938: hit[P0938HitContext]{n},
		P0939: hit[P0939HitContext]{n},
		P0940: hit[P0940HitContext]{n},
		P0941: hit[P0941HitContext]{n},
		P0942: hit[P0942HitContext]{n},
		P0943: hit[P0943HitContext]{n},
		P0944: hit[P0944HitContext]{n},
		P0945: hit[P0945HitContext]{n},
		P0946: hit[P0946HitContext]{n},
		P0947: hit[P0947HitContext]{n},
		P0948: hit[P0948HitContext]{n},
		P0949: hit[P0949HitContext]{n},
		P0950: hit[P0950HitContext]{n},
		P0951: hit[P0951HitContext]{n},
		P0952: hit[P0952HitContext]{n},
		P0953: hit[P0953HitContext]{n},
		P0954: hit[P0954HitContext]{n},
		P0955: hit[P0955HitContext]{n},
		P0956: hit[P0956HitContext]{n},
		P0957: hit[P0957HitContext]{n},
		P0958: hit[P0958HitContext]{n},
		P0959: hit[P0959HitContext]{n},
		P0960: hit[P0960HitContext]{n},
		P0961: hit[P0961HitContext]{n},
		P0962: hit[P0962HitContext]{n},
		P0963: hit[P0963HitContext]{n},
		P0964: hit[P0964HitContext]{n},
		P0965: hit[P0965HitContext]{n},
		P0966: hit[P0966HitContext]{n},
		P0967: hit[P0967HitContext]{n},
		P0968: hit[P0968HitContext]{n},
		P0969: hit[P0969HitContext]{n},
		P0970: hit[P0970HitContext]{n},
		P0971: hit[P0971HitContext]{n},
		P0972: hit[P0972HitContext]{n},
		P0973: hit[P0973HitContext]{n},
		P0974: hit[P0974HitContext]{n},
		P0975: hit[P0975HitContext]{n},
		P0976: hit[P0976HitContext]{n},
		P0977: hit[P0977HitContext]{n},
		P0978: hit[P0978HitContext]{n},
		P0979: hit[P0979HitContext]{n},
		P0980: hit[P0980HitContext]{n},
		P0981: hit[P0981HitContext]{n},
		P0982: hit[P0982HitContext]{n},
		P0983: hit[P0983HitContext]{n},
		P0984: hit[P0984HitContext]{n},
		P0985: hit[P0985HitContext]{n},
		P0986: hit[P0986HitContext]{n},
		P0987: hit[P0987HitContext]{n},
		P0988: hit[P0988HitContext]{n},
		P0989: hit[P0989HitContext]{n},
		P0990: hit[P0990HitContext]{n},
		P0991: hit[P0991HitContext]{n},
		P0992: hit[P0992HitContext]{n},
		P0993: hit[P0993HitContext]{n},
		P0994: hit[P0994HitContext]{n},
		P0995: hit[P0995HitContext]{n},
		P0996: hit[P0996HitContext]{n},
		P0997: hit[P0997HitContext]{n},
		P0998: hit[P0998HitContext]{n},
		P0999: hit[P0999HitContext]{n},
	}}
}

// handDispatch is the switch a person would write for the same patterns,
// calling the same handlers through the same interfaces.
func handDispatch(d *fwDispatcher, c *fwimpl.Call, m fwimpl.Msg) error {
	switch m.Kind {
	case fwKindSingle:
		if o := m.Ev.(*Single); o.ID == "p0000" {
			return d.h.One.OnHit(OneHitContext{fwimpl.NewOn[Single](c)}, o.Amount)
		}
	case fwKindTen:
		o := m.Ev.(*Ten)
		switch o.ID {
		case "p0000":
			return d.h.T00.OnHit(T00HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0001":
			return d.h.T01.OnHit(T01HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0002":
			return d.h.T02.OnHit(T02HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0003":
			return d.h.T03.OnHit(T03HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0004":
			return d.h.T04.OnHit(T04HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0005":
			return d.h.T05.OnHit(T05HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0006":
			return d.h.T06.OnHit(T06HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0007":
			return d.h.T07.OnHit(T07HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0008":
			return d.h.T08.OnHit(T08HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		case "p0009":
			return d.h.T09.OnHit(T09HitContext{fwimpl.NewOn[Ten](c)}, o.Amount)
		}
	case fwKindHundred:
		o := m.Ev.(*Hundred)
		switch o.ID {
		case "p0000":
			return d.h.H000.OnHit(H000HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0001":
			return d.h.H001.OnHit(H001HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0002":
			return d.h.H002.OnHit(H002HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0003":
			return d.h.H003.OnHit(H003HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0004":
			return d.h.H004.OnHit(H004HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0005":
			return d.h.H005.OnHit(H005HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0006":
			return d.h.H006.OnHit(H006HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0007":
			return d.h.H007.OnHit(H007HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0008":
			return d.h.H008.OnHit(H008HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0009":
			return d.h.H009.OnHit(H009HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0010":
			return d.h.H010.OnHit(H010HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0011":
			return d.h.H011.OnHit(H011HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0012":
			return d.h.H012.OnHit(H012HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0013":
			return d.h.H013.OnHit(H013HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0014":
			return d.h.H014.OnHit(H014HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0015":
			return d.h.H015.OnHit(H015HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0016":
			return d.h.H016.OnHit(H016HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0017":
			return d.h.H017.OnHit(H017HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0018":
			return d.h.H018.OnHit(H018HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0019":
			return d.h.H019.OnHit(H019HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0020":
			return d.h.H020.OnHit(H020HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0021":
			return d.h.H021.OnHit(H021HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0022":
			return d.h.H022.OnHit(H022HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0023":
			return d.h.H023.OnHit(H023HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0024":
			return d.h.H024.OnHit(H024HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0025":
			return d.h.H025.OnHit(H025HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0026":
			return d.h.H026.OnHit(H026HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0027":
			return d.h.H027.OnHit(H027HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0028":
			return d.h.H028.OnHit(H028HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0029":
			return d.h.H029.OnHit(H029HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0030":
			return d.h.H030.OnHit(H030HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0031":
			return d.h.H031.OnHit(H031HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0032":
			return d.h.H032.OnHit(H032HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0033":
			return d.h.H033.OnHit(H033HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0034":
			return d.h.H034.OnHit(H034HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0035":
			return d.h.H035.OnHit(H035HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0036":
			return d.h.H036.OnHit(H036HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0037":
			return d.h.H037.OnHit(H037HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0038":
			return d.h.H038.OnHit(H038HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0039":
			return d.h.H039.OnHit(H039HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0040":
			return d.h.H040.OnHit(H040HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0041":
			return d.h.H041.OnHit(H041HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0042":
			return d.h.H042.OnHit(H042HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0043":
			return d.h.H043.OnHit(H043HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0044":
			return d.h.H044.OnHit(H044HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0045":
			return d.h.H045.OnHit(H045HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0046":
			return d.h.H046.OnHit(H046HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0047":
			return d.h.H047.OnHit(H047HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0048":
			return d.h.H048.OnHit(H048HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0049":
			return d.h.H049.OnHit(H049HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0050":
			return d.h.H050.OnHit(H050HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0051":
			return d.h.H051.OnHit(H051HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0052":
			return d.h.H052.OnHit(H052HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0053":
			return d.h.H053.OnHit(H053HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0054":
			return d.h.H054.OnHit(H054HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0055":
			return d.h.H055.OnHit(H055HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0056":
			return d.h.H056.OnHit(H056HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0057":
			return d.h.H057.OnHit(H057HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0058":
			return d.h.H058.OnHit(H058HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0059":
			return d.h.H059.OnHit(H059HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0060":
			return d.h.H060.OnHit(H060HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0061":
			return d.h.H061.OnHit(H061HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0062":
			return d.h.H062.OnHit(H062HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0063":
			return d.h.H063.OnHit(H063HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0064":
			return d.h.H064.OnHit(H064HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0065":
			return d.h.H065.OnHit(H065HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0066":
			return d.h.H066.OnHit(H066HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0067":
			return d.h.H067.OnHit(H067HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0068":
			return d.h.H068.OnHit(H068HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0069":
			return d.h.H069.OnHit(H069HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0070":
			return d.h.H070.OnHit(H070HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0071":
			return d.h.H071.OnHit(H071HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0072":
			return d.h.H072.OnHit(H072HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0073":
			return d.h.H073.OnHit(H073HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0074":
			return d.h.H074.OnHit(H074HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0075":
			return d.h.H075.OnHit(H075HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0076":
			return d.h.H076.OnHit(H076HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0077":
			return d.h.H077.OnHit(H077HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0078":
			return d.h.H078.OnHit(H078HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0079":
			return d.h.H079.OnHit(H079HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0080":
			return d.h.H080.OnHit(H080HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0081":
			return d.h.H081.OnHit(H081HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0082":
			return d.h.H082.OnHit(H082HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0083":
			return d.h.H083.OnHit(H083HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0084":
			return d.h.H084.OnHit(H084HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0085":
			return d.h.H085.OnHit(H085HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0086":
			return d.h.H086.OnHit(H086HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0087":
			return d.h.H087.OnHit(H087HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0088":
			return d.h.H088.OnHit(H088HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0089":
			return d.h.H089.OnHit(H089HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0090":
			return d.h.H090.OnHit(H090HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0091":
			return d.h.H091.OnHit(H091HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0092":
			return d.h.H092.OnHit(H092HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0093":
			return d.h.H093.OnHit(H093HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0094":
			return d.h.H094.OnHit(H094HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0095":
			return d.h.H095.OnHit(H095HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0096":
			return d.h.H096.OnHit(H096HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0097":
			return d.h.H097.OnHit(H097HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0098":
			return d.h.H098.OnHit(H098HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		case "p0099":
			return d.h.H099.OnHit(H099HitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)
		}
	case fwKindOrder:
		o := m.Ev.(*Order)
		switch o.ID {
		case "p0000":
			return d.h.P0000.OnHit(P0000HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0001":
			return d.h.P0001.OnHit(P0001HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0002":
			return d.h.P0002.OnHit(P0002HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0003":
			return d.h.P0003.OnHit(P0003HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0004":
			return d.h.P0004.OnHit(P0004HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0005":
			return d.h.P0005.OnHit(P0005HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0006":
			return d.h.P0006.OnHit(P0006HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0007":
			return d.h.P0007.OnHit(P0007HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0008":
			return d.h.P0008.OnHit(P0008HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0009":
			return d.h.P0009.OnHit(P0009HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0010":
			return d.h.P0010.OnHit(P0010HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0011":
			return d.h.P0011.OnHit(P0011HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0012":
			return d.h.P0012.OnHit(P0012HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0013":
			return d.h.P0013.OnHit(P0013HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0014":
			return d.h.P0014.OnHit(P0014HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0015":
			return d.h.P0015.OnHit(P0015HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0016":
			return d.h.P0016.OnHit(P0016HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0017":
			return d.h.P0017.OnHit(P0017HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0018":
			return d.h.P0018.OnHit(P0018HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0019":
			return d.h.P0019.OnHit(P0019HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0020":
			return d.h.P0020.OnHit(P0020HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0021":
			return d.h.P0021.OnHit(P0021HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0022":
			return d.h.P0022.OnHit(P0022HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0023":
			return d.h.P0023.OnHit(P0023HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0024":
			return d.h.P0024.OnHit(P0024HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0025":
			return d.h.P0025.OnHit(P0025HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0026":
			return d.h.P0026.OnHit(P0026HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0027":
			return d.h.P0027.OnHit(P0027HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0028":
			return d.h.P0028.OnHit(P0028HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0029":
			return d.h.P0029.OnHit(P0029HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0030":
			return d.h.P0030.OnHit(P0030HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0031":
			return d.h.P0031.OnHit(P0031HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0032":
			return d.h.P0032.OnHit(P0032HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0033":
			return d.h.P0033.OnHit(P0033HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0034":
			return d.h.P0034.OnHit(P0034HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0035":
			return d.h.P0035.OnHit(P0035HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0036":
			return d.h.P0036.OnHit(P0036HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0037":
			return d.h.P0037.OnHit(P0037HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0038":
			return d.h.P0038.OnHit(P0038HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0039":
			return d.h.P0039.OnHit(P0039HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0040":
			return d.h.P0040.OnHit(P0040HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0041":
			return d.h.P0041.OnHit(P0041HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0042":
			return d.h.P0042.OnHit(P0042HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0043":
			return d.h.P0043.OnHit(P0043HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0044":
			return d.h.P0044.OnHit(P0044HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0045":
			return d.h.P0045.OnHit(P0045HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0046":
			return d.h.P0046.OnHit(P0046HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0047":
			return d.h.P0047.OnHit(P0047HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0048":
			return d.h.P0048.OnHit(P0048HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0049":
			return d.h.P0049.OnHit(P0049HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0050":
			return d.h.P0050.OnHit(P0050HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0051":
			return d.h.P0051.OnHit(P0051HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0052":
			return d.h.P0052.OnHit(P0052HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0053":
			return d.h.P0053.OnHit(P0053HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0054":
			return d.h.P0054.OnHit(P0054HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0055":
			return d.h.P0055.OnHit(P0055HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0056":
			return d.h.P0056.OnHit(P0056HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0057":
			return d.h.P0057.OnHit(P0057HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0058":
			return d.h.P0058.OnHit(P0058HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0059":
			return d.h.P0059.OnHit(P0059HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0060":
			return d.h.P0060.OnHit(P0060HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0061":
			return d.h.P0061.OnHit(P0061HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0062":
			return d.h.P0062.OnHit(P0062HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0063":
			return d.h.P0063.OnHit(P0063HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0064":
			return d.h.P0064.OnHit(P0064HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0065":
			return d.h.P0065.OnHit(P0065HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0066":
			return d.h.P0066.OnHit(P0066HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0067":
			return d.h.P0067.OnHit(P0067HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0068":
			return d.h.P0068.OnHit(P0068HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0069":
			return d.h.P0069.OnHit(P0069HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0070":
			return d.h.P0070.OnHit(P0070HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0071":
			return d.h.P0071.OnHit(P0071HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0072":
			return d.h.P0072.OnHit(P0072HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0073":
			return d.h.P0073.OnHit(P0073HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0074":
			return d.h.P0074.OnHit(P0074HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0075":
			return d.h.P0075.OnHit(P0075HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0076":
			return d.h.P0076.OnHit(P0076HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0077":
			return d.h.P0077.OnHit(P0077HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0078":
			return d.h.P0078.OnHit(P0078HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0079":
			return d.h.P0079.OnHit(P0079HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0080":
			return d.h.P0080.OnHit(P0080HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0081":
			return d.h.P0081.OnHit(P0081HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0082":
			return d.h.P0082.OnHit(P0082HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0083":
			return d.h.P0083.OnHit(P0083HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0084":
			return d.h.P0084.OnHit(P0084HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0085":
			return d.h.P0085.OnHit(P0085HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0086":
			return d.h.P0086.OnHit(P0086HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0087":
			return d.h.P0087.OnHit(P0087HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0088":
			return d.h.P0088.OnHit(P0088HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0089":
			return d.h.P0089.OnHit(P0089HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0090":
			return d.h.P0090.OnHit(P0090HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0091":
			return d.h.P0091.OnHit(P0091HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0092":
			return d.h.P0092.OnHit(P0092HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0093":
			return d.h.P0093.OnHit(P0093HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0094":
			return d.h.P0094.OnHit(P0094HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0095":
			return d.h.P0095.OnHit(P0095HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0096":
			return d.h.P0096.OnHit(P0096HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0097":
			return d.h.P0097.OnHit(P0097HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0098":
			return d.h.P0098.OnHit(P0098HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0099":
			return d.h.P0099.OnHit(P0099HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0100":
			return d.h.P0100.OnHit(P0100HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0101":
			return d.h.P0101.OnHit(P0101HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0102":
			return d.h.P0102.OnHit(P0102HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0103":
			return d.h.P0103.OnHit(P0103HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0104":
			return d.h.P0104.OnHit(P0104HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0105":
			return d.h.P0105.OnHit(P0105HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0106":
			return d.h.P0106.OnHit(P0106HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0107":
			return d.h.P0107.OnHit(P0107HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0108":
			return d.h.P0108.OnHit(P0108HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0109":
			return d.h.P0109.OnHit(P0109HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0110":
			return d.h.P0110.OnHit(P0110HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0111":
			return d.h.P0111.OnHit(P0111HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0112":
			return d.h.P0112.OnHit(P0112HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0113":
			return d.h.P0113.OnHit(P0113HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0114":
			return d.h.P0114.OnHit(P0114HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0115":
			return d.h.P0115.OnHit(P0115HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0116":
			return d.h.P0116.OnHit(P0116HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0117":
			return d.h.P0117.OnHit(P0117HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0118":
			return d.h.P0118.OnHit(P0118HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0119":
			return d.h.P0119.OnHit(P0119HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0120":
			return d.h.P0120.OnHit(P0120HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0121":
			return d.h.P0121.OnHit(P0121HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0122":
			return d.h.P0122.OnHit(P0122HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0123":
			return d.h.P0123.OnHit(P0123HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0124":
			return d.h.P0124.OnHit(P0124HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0125":
			return d.h.P0125.OnHit(P0125HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0126":
			return d.h.P0126.OnHit(P0126HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0127":
			return d.h.P0127.OnHit(P0127HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0128":
			return d.h.P0128.OnHit(P0128HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0129":
			return d.h.P0129.OnHit(P0129HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0130":
			return d.h.P0130.OnHit(P0130HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0131":
			return d.h.P0131.OnHit(P0131HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0132":
			return d.h.P0132.OnHit(P0132HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0133":
			return d.h.P0133.OnHit(P0133HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0134":
			return d.h.P0134.OnHit(P0134HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0135":
			return d.h.P0135.OnHit(P0135HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0136":
			return d.h.P0136.OnHit(P0136HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0137":
			return d.h.P0137.OnHit(P0137HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0138":
			return d.h.P0138.OnHit(P0138HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0139":
			return d.h.P0139.OnHit(P0139HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0140":
			return d.h.P0140.OnHit(P0140HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0141":
			return d.h.P0141.OnHit(P0141HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0142":
			return d.h.P0142.OnHit(P0142HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0143":
			return d.h.P0143.OnHit(P0143HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0144":
			return d.h.P0144.OnHit(P0144HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0145":
			return d.h.P0145.OnHit(P0145HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0146":
			return d.h.P0146.OnHit(P0146HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0147":
			return d.h.P0147.OnHit(P0147HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0148":
			return d.h.P0148.OnHit(P0148HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0149":
			return d.h.P0149.OnHit(P0149HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0150":
			return d.h.P0150.OnHit(P0150HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0151":
			return d.h.P0151.OnHit(P0151HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0152":
			return d.h.P0152.OnHit(P0152HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0153":
			return d.h.P0153.OnHit(P0153HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0154":
			return d.h.P0154.OnHit(P0154HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0155":
			return d.h.P0155.OnHit(P0155HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0156":
			return d.h.P0156.OnHit(P0156HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0157":
			return d.h.P0157.OnHit(P0157HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0158":
			return d.h.P0158.OnHit(P0158HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0159":
			return d.h.P0159.OnHit(P0159HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0160":
			return d.h.P0160.OnHit(P0160HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0161":
			return d.h.P0161.OnHit(P0161HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0162":
			return d.h.P0162.OnHit(P0162HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0163":
			return d.h.P0163.OnHit(P0163HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0164":
			return d.h.P0164.OnHit(P0164HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0165":
			return d.h.P0165.OnHit(P0165HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0166":
			return d.h.P0166.OnHit(P0166HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0167":
			return d.h.P0167.OnHit(P0167HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0168":
			return d.h.P0168.OnHit(P0168HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0169":
			return d.h.P0169.OnHit(P0169HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0170":
			return d.h.P0170.OnHit(P0170HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0171":
			return d.h.P0171.OnHit(P0171HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0172":
			return d.h.P0172.OnHit(P0172HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0173":
			return d.h.P0173.OnHit(P0173HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0174":
			return d.h.P0174.OnHit(P0174HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0175":
			return d.h.P0175.OnHit(P0175HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0176":
			return d.h.P0176.OnHit(P0176HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0177":
			return d.h.P0177.OnHit(P0177HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0178":
			return d.h.P0178.OnHit(P0178HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0179":
			return d.h.P0179.OnHit(P0179HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0180":
			return d.h.P0180.OnHit(P0180HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0181":
			return d.h.P0181.OnHit(P0181HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0182":
			return d.h.P0182.OnHit(P0182HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0183":
			return d.h.P0183.OnHit(P0183HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0184":
			return d.h.P0184.OnHit(P0184HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0185":
			return d.h.P0185.OnHit(P0185HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0186":
			return d.h.P0186.OnHit(P0186HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0187":
			return d.h.P0187.OnHit(P0187HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0188":
			return d.h.P0188.OnHit(P0188HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0189":
			return d.h.P0189.OnHit(P0189HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0190":
			return d.h.P0190.OnHit(P0190HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0191":
			return d.h.P0191.OnHit(P0191HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0192":
			return d.h.P0192.OnHit(P0192HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0193":
			return d.h.P0193.OnHit(P0193HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0194":
			return d.h.P0194.OnHit(P0194HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0195":
			return d.h.P0195.OnHit(P0195HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0196":
			return d.h.P0196.OnHit(P0196HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0197":
			return d.h.P0197.OnHit(P0197HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0198":
			return d.h.P0198.OnHit(P0198HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0199":
			return d.h.P0199.OnHit(P0199HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0200":
			return d.h.P0200.OnHit(P0200HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0201":
			return d.h.P0201.OnHit(P0201HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0202":
			return d.h.P0202.OnHit(P0202HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0203":
			return d.h.P0203.OnHit(P0203HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0204":
			return d.h.P0204.OnHit(P0204HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0205":
			return d.h.P0205.OnHit(P0205HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0206":
			return d.h.P0206.OnHit(P0206HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0207":
			return d.h.P0207.OnHit(P0207HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0208":
			return d.h.P0208.OnHit(P0208HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0209":
			return d.h.P0209.OnHit(P0209HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0210":
			return d.h.P0210.OnHit(P0210HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0211":
			return d.h.P0211.OnHit(P0211HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0212":
			return d.h.P0212.OnHit(P0212HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0213":
			return d.h.P0213.OnHit(P0213HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0214":
			return d.h.P0214.OnHit(P0214HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0215":
			return d.h.P0215.OnHit(P0215HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0216":
			return d.h.P0216.OnHit(P0216HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0217":
			return d.h.P0217.OnHit(P0217HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0218":
			return d.h.P0218.OnHit(P0218HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0219":
			return d.h.P0219.OnHit(P0219HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0220":
			return d.h.P0220.OnHit(P0220HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0221":
			return d.h.P0221.OnHit(P0221HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0222":
			return d.h.P0222.OnHit(P0222HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0223":
			return d.h.P0223.OnHit(P0223HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0224":
			return d.h.P0224.OnHit(P0224HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0225":
			return d.h.P0225.OnHit(P0225HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0226":
			return d.h.P0226.OnHit(P0226HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0227":
			return d.h.P0227.OnHit(P0227HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0228":
			return d.h.P0228.OnHit(P0228HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0229":
			return d.h.P0229.OnHit(P0229HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0230":
			return d.h.P0230.OnHit(P0230HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0231":
			return d.h.P0231.OnHit(P0231HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0232":
			return d.h.P0232.OnHit(P0232HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0233":
			return d.h.P0233.OnHit(P0233HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0234":
			return d.h.P0234.OnHit(P0234HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0235":
			return d.h.P0235.OnHit(P0235HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0236":
			return d.h.P0236.OnHit(P0236HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0237":
			return d.h.P0237.OnHit(P0237HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0238":
			return d.h.P0238.OnHit(P0238HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0239":
			return d.h.P0239.OnHit(P0239HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0240":
			return d.h.P0240.OnHit(P0240HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0241":
			return d.h.P0241.OnHit(P0241HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0242":
			return d.h.P0242.OnHit(P0242HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0243":
			return d.h.P0243.OnHit(P0243HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0244":
			return d.h.P0244.OnHit(P0244HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0245":
			return d.h.P0245.OnHit(P0245HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0246":
			return d.h.P0246.OnHit(P0246HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0247":
			return d.h.P0247.OnHit(P0247HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0248":
			return d.h.P0248.OnHit(P0248HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0249":
			return d.h.P0249.OnHit(P0249HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0250":
			return d.h.P0250.OnHit(P0250HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0251":
			return d.h.P0251.OnHit(P0251HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0252":
			return d.h.P0252.OnHit(P0252HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0253":
			return d.h.P0253.OnHit(P0253HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0254":
			return d.h.P0254.OnHit(P0254HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0255":
			return d.h.P0255.OnHit(P0255HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0256":
			return d.h.P0256.OnHit(P0256HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0257":
			return d.h.P0257.OnHit(P0257HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0258":
			return d.h.P0258.OnHit(P0258HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0259":
			return d.h.P0259.OnHit(P0259HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0260":
			return d.h.P0260.OnHit(P0260HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0261":
			return d.h.P0261.OnHit(P0261HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0262":
			return d.h.P0262.OnHit(P0262HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0263":
			return d.h.P0263.OnHit(P0263HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0264":
			return d.h.P0264.OnHit(P0264HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0265":
			return d.h.P0265.OnHit(P0265HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0266":
			return d.h.P0266.OnHit(P0266HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0267":
			return d.h.P0267.OnHit(P0267HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0268":
			return d.h.P0268.OnHit(P0268HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0269":
			return d.h.P0269.OnHit(P0269HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0270":
			return d.h.P0270.OnHit(P0270HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0271":
			return d.h.P0271.OnHit(P0271HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0272":
			return d.h.P0272.OnHit(P0272HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0273":
			return d.h.P0273.OnHit(P0273HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0274":
			return d.h.P0274.OnHit(P0274HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0275":
			return d.h.P0275.OnHit(P0275HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0276":
			return d.h.P0276.OnHit(P0276HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0277":
			return d.h.P0277.OnHit(P0277HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0278":
			return d.h.P0278.OnHit(P0278HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0279":
			return d.h.P0279.OnHit(P0279HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0280":
			return d.h.P0280.OnHit(P0280HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0281":
			return d.h.P0281.OnHit(P0281HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0282":
			return d.h.P0282.OnHit(P0282HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0283":
			return d.h.P0283.OnHit(P0283HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0284":
			return d.h.P0284.OnHit(P0284HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0285":
			return d.h.P0285.OnHit(P0285HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0286":
			return d.h.P0286.OnHit(P0286HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0287":
			return d.h.P0287.OnHit(P0287HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0288":
			return d.h.P0288.OnHit(P0288HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0289":
			return d.h.P0289.OnHit(P0289HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0290":
			return d.h.P0290.OnHit(P0290HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0291":
			return d.h.P0291.OnHit(P0291HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0292":
			return d.h.P0292.OnHit(P0292HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0293":
			return d.h.P0293.OnHit(P0293HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0294":
			return d.h.P0294.OnHit(P0294HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0295":
			return d.h.P0295.OnHit(P0295HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0296":
			return d.h.P0296.OnHit(P0296HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0297":
			return d.h.P0297.OnHit(P0297HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0298":
			return d.h.P0298.OnHit(P0298HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0299":
			return d.h.P0299.OnHit(P0299HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0300":
			return d.h.P0300.OnHit(P0300HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0301":
			return d.h.P0301.OnHit(P0301HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0302":
			return d.h.P0302.OnHit(P0302HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0303":
			return d.h.P0303.OnHit(P0303HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0304":
			return d.h.P0304.OnHit(P0304HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0305":
			return d.h.P0305.OnHit(P0305HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0306":
			return d.h.P0306.OnHit(P0306HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0307":
			return d.h.P0307.OnHit(P0307HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0308":
			return d.h.P0308.OnHit(P0308HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0309":
			return d.h.P0309.OnHit(P0309HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0310":
			return d.h.P0310.OnHit(P0310HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0311":
			return d.h.P0311.OnHit(P0311HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0312":
			return d.h.P0312.OnHit(P0312HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0313":
			return d.h.P0313.OnHit(P0313HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0314":
			return d.h.P0314.OnHit(P0314HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0315":
			return d.h.P0315.OnHit(P0315HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0316":
			return d.h.P0316.OnHit(P0316HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0317":
			return d.h.P0317.OnHit(P0317HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0318":
			return d.h.P0318.OnHit(P0318HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0319":
			return d.h.P0319.OnHit(P0319HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0320":
			return d.h.P0320.OnHit(P0320HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0321":
			return d.h.P0321.OnHit(P0321HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0322":
			return d.h.P0322.OnHit(P0322HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0323":
			return d.h.P0323.OnHit(P0323HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0324":
			return d.h.P0324.OnHit(P0324HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0325":
			return d.h.P0325.OnHit(P0325HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0326":
			return d.h.P0326.OnHit(P0326HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0327":
			return d.h.P0327.OnHit(P0327HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0328":
			return d.h.P0328.OnHit(P0328HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0329":
			return d.h.P0329.OnHit(P0329HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0330":
			return d.h.P0330.OnHit(P0330HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0331":
			return d.h.P0331.OnHit(P0331HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0332":
			return d.h.P0332.OnHit(P0332HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0333":
			return d.h.P0333.OnHit(P0333HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0334":
			return d.h.P0334.OnHit(P0334HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0335":
			return d.h.P0335.OnHit(P0335HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0336":
			return d.h.P0336.OnHit(P0336HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0337":
			return d.h.P0337.OnHit(P0337HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0338":
			return d.h.P0338.OnHit(P0338HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0339":
			return d.h.P0339.OnHit(P0339HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0340":
			return d.h.P0340.OnHit(P0340HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0341":
			return d.h.P0341.OnHit(P0341HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0342":
			return d.h.P0342.OnHit(P0342HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0343":
			return d.h.P0343.OnHit(P0343HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0344":
			return d.h.P0344.OnHit(P0344HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0345":
			return d.h.P0345.OnHit(P0345HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0346":
			return d.h.P0346.OnHit(P0346HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0347":
			return d.h.P0347.OnHit(P0347HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0348":
			return d.h.P0348.OnHit(P0348HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0349":
			return d.h.P0349.OnHit(P0349HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0350":
			return d.h.P0350.OnHit(P0350HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0351":
			return d.h.P0351.OnHit(P0351HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0352":
			return d.h.P0352.OnHit(P0352HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0353":
			return d.h.P0353.OnHit(P0353HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0354":
			return d.h.P0354.OnHit(P0354HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0355":
			return d.h.P0355.OnHit(P0355HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0356":
			return d.h.P0356.OnHit(P0356HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0357":
			return d.h.P0357.OnHit(P0357HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0358":
			return d.h.P0358.OnHit(P0358HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0359":
			return d.h.P0359.OnHit(P0359HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0360":
			return d.h.P0360.OnHit(P0360HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0361":
			return d.h.P0361.OnHit(P0361HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0362":
			return d.h.P0362.OnHit(P0362HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0363":
			return d.h.P0363.OnHit(P0363HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0364":
			return d.h.P0364.OnHit(P0364HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0365":
			return d.h.P0365.OnHit(P0365HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0366":
			return d.h.P0366.OnHit(P0366HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0367":
			return d.h.P0367.OnHit(P0367HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0368":
			return d.h.P0368.OnHit(P0368HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0369":
			return d.h.P0369.OnHit(P0369HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0370":
			return d.h.P0370.OnHit(P0370HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0371":
			return d.h.P0371.OnHit(P0371HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0372":
			return d.h.P0372.OnHit(P0372HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0373":
			return d.h.P0373.OnHit(P0373HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0374":
			return d.h.P0374.OnHit(P0374HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0375":
			return d.h.P0375.OnHit(P0375HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0376":
			return d.h.P0376.OnHit(P0376HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0377":
			return d.h.P0377.OnHit(P0377HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0378":
			return d.h.P0378.OnHit(P0378HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0379":
			return d.h.P0379.OnHit(P0379HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0380":
			return d.h.P0380.OnHit(P0380HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0381":
			return d.h.P0381.OnHit(P0381HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0382":
			return d.h.P0382.OnHit(P0382HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0383":
			return d.h.P0383.OnHit(P0383HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0384":
			return d.h.P0384.OnHit(P0384HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0385":
			return d.h.P0385.OnHit(P0385HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0386":
			return d.h.P0386.OnHit(P0386HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0387":
			return d.h.P0387.OnHit(P0387HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0388":
			return d.h.P0388.OnHit(P0388HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0389":
			return d.h.P0389.OnHit(P0389HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0390":
			return d.h.P0390.OnHit(P0390HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0391":
			return d.h.P0391.OnHit(P0391HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0392":
			return d.h.P0392.OnHit(P0392HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0393":
			return d.h.P0393.OnHit(P0393HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0394":
			return d.h.P0394.OnHit(P0394HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0395":
			return d.h.P0395.OnHit(P0395HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0396":
			return d.h.P0396.OnHit(P0396HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0397":
			return d.h.P0397.OnHit(P0397HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0398":
			return d.h.P0398.OnHit(P0398HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0399":
			return d.h.P0399.OnHit(P0399HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0400":
			return d.h.P0400.OnHit(P0400HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0401":
			return d.h.P0401.OnHit(P0401HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0402":
			return d.h.P0402.OnHit(P0402HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0403":
			return d.h.P0403.OnHit(P0403HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0404":
			return d.h.P0404.OnHit(P0404HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0405":
			return d.h.P0405.OnHit(P0405HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0406":
			return d.h.P0406.OnHit(P0406HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0407":
			return d.h.P0407.OnHit(P0407HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0408":
			return d.h.P0408.OnHit(P0408HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0409":
			return d.h.P0409.OnHit(P0409HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0410":
			return d.h.P0410.OnHit(P0410HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0411":
			return d.h.P0411.OnHit(P0411HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0412":
			return d.h.P0412.OnHit(P0412HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0413":
			return d.h.P0413.OnHit(P0413HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0414":
			return d.h.P0414.OnHit(P0414HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0415":
			return d.h.P0415.OnHit(P0415HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0416":
			return d.h.P0416.OnHit(P0416HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0417":
			return d.h.P0417.OnHit(P0417HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0418":
			return d.h.P0418.OnHit(P0418HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0419":
			return d.h.P0419.OnHit(P0419HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0420":
			return d.h.P0420.OnHit(P0420HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0421":
			return d.h.P0421.OnHit(P0421HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0422":
			return d.h.P0422.OnHit(P0422HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0423":
			return d.h.P0423.OnHit(P0423HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0424":
			return d.h.P0424.OnHit(P0424HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0425":
			return d.h.P0425.OnHit(P0425HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0426":
			return d.h.P0426.OnHit(P0426HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0427":
			return d.h.P0427.OnHit(P0427HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0428":
			return d.h.P0428.OnHit(P0428HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0429":
			return d.h.P0429.OnHit(P0429HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0430":
			return d.h.P0430.OnHit(P0430HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0431":
			return d.h.P0431.OnHit(P0431HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0432":
			return d.h.P0432.OnHit(P0432HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0433":
			return d.h.P0433.OnHit(P0433HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0434":
			return d.h.P0434.OnHit(P0434HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0435":
			return d.h.P0435.OnHit(P0435HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0436":
			return d.h.P0436.OnHit(P0436HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0437":
			return d.h.P0437.OnHit(P0437HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0438":
			return d.h.P0438.OnHit(P0438HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0439":
			return d.h.P0439.OnHit(P0439HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0440":
			return d.h.P0440.OnHit(P0440HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0441":
			return d.h.P0441.OnHit(P0441HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0442":
			return d.h.P0442.OnHit(P0442HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0443":
			return d.h.P0443.OnHit(P0443HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0444":
			return d.h.P0444.OnHit(P0444HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0445":
			return d.h.P0445.OnHit(P0445HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0446":
			return d.h.P0446.OnHit(P0446HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0447":
			return d.h.P0447.OnHit(P0447HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0448":
			return d.h.P0448.OnHit(P0448HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0449":
			return d.h.P0449.OnHit(P0449HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0450":
			return d.h.P0450.OnHit(P0450HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0451":
			return d.h.P0451.OnHit(P0451HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0452":
			return d.h.P0452.OnHit(P0452HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0453":
			return d.h.P0453.OnHit(P0453HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0454":
			return d.h.P0454.OnHit(P0454HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0455":
			return d.h.P0455.OnHit(P0455HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0456":
			return d.h.P0456.OnHit(P0456HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0457":
			return d.h.P0457.OnHit(P0457HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0458":
			return d.h.P0458.OnHit(P0458HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0459":
			return d.h.P0459.OnHit(P0459HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0460":
			return d.h.P0460.OnHit(P0460HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0461":
			return d.h.P0461.OnHit(P0461HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0462":
			return d.h.P0462.OnHit(P0462HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0463":
			return d.h.P0463.OnHit(P0463HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0464":
			return d.h.P0464.OnHit(P0464HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0465":
			return d.h.P0465.OnHit(P0465HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0466":
			return d.h.P0466.OnHit(P0466HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0467":
			return d.h.P0467.OnHit(P0467HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0468":
			return d.h.P0468.OnHit(P0468HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0469":
			return d.h.P0469.OnHit(P0469HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0470":
			return d.h.P0470.OnHit(P0470HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0471":
			return d.h.P0471.OnHit(P0471HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0472":
			return d.h.P0472.OnHit(P0472HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0473":
			return d.h.P0473.OnHit(P0473HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0474":
			return d.h.P0474.OnHit(P0474HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0475":
			return d.h.P0475.OnHit(P0475HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0476":
			return d.h.P0476.OnHit(P0476HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0477":
			return d.h.P0477.OnHit(P0477HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0478":
			return d.h.P0478.OnHit(P0478HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0479":
			return d.h.P0479.OnHit(P0479HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0480":
			return d.h.P0480.OnHit(P0480HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0481":
			return d.h.P0481.OnHit(P0481HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0482":
			return d.h.P0482.OnHit(P0482HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0483":
			return d.h.P0483.OnHit(P0483HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0484":
			return d.h.P0484.OnHit(P0484HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0485":
			return d.h.P0485.OnHit(P0485HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0486":
			return d.h.P0486.OnHit(P0486HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0487":
			return d.h.P0487.OnHit(P0487HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0488":
			return d.h.P0488.OnHit(P0488HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0489":
			return d.h.P0489.OnHit(P0489HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0490":
			return d.h.P0490.OnHit(P0490HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0491":
			return d.h.P0491.OnHit(P0491HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0492":
			return d.h.P0492.OnHit(P0492HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0493":
			return d.h.P0493.OnHit(P0493HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0494":
			return d.h.P0494.OnHit(P0494HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0495":
			return d.h.P0495.OnHit(P0495HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0496":
			return d.h.P0496.OnHit(P0496HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0497":
			return d.h.P0497.OnHit(P0497HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0498":
			return d.h.P0498.OnHit(P0498HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0499":
			return d.h.P0499.OnHit(P0499HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0500":
			return d.h.P0500.OnHit(P0500HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0501":
			return d.h.P0501.OnHit(P0501HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0502":
			return d.h.P0502.OnHit(P0502HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0503":
			return d.h.P0503.OnHit(P0503HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0504":
			return d.h.P0504.OnHit(P0504HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0505":
			return d.h.P0505.OnHit(P0505HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0506":
			return d.h.P0506.OnHit(P0506HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0507":
			return d.h.P0507.OnHit(P0507HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0508":
			return d.h.P0508.OnHit(P0508HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0509":
			return d.h.P0509.OnHit(P0509HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0510":
			return d.h.P0510.OnHit(P0510HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0511":
			return d.h.P0511.OnHit(P0511HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0512":
			return d.h.P0512.OnHit(P0512HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0513":
			return d.h.P0513.OnHit(P0513HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0514":
			return d.h.P0514.OnHit(P0514HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0515":
			return d.h.P0515.OnHit(P0515HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0516":
			return d.h.P0516.OnHit(P0516HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0517":
			return d.h.P0517.OnHit(P0517HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0518":
			return d.h.P0518.OnHit(P0518HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0519":
			return d.h.P0519.OnHit(P0519HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0520":
			return d.h.P0520.OnHit(P0520HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0521":
			return d.h.P0521.OnHit(P0521HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0522":
			return d.h.P0522.OnHit(P0522HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0523":
			return d.h.P0523.OnHit(P0523HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0524":
			return d.h.P0524.OnHit(P0524HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0525":
			return d.h.P0525.OnHit(P0525HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0526":
			return d.h.P0526.OnHit(P0526HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0527":
			return d.h.P0527.OnHit(P0527HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0528":
			return d.h.P0528.OnHit(P0528HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0529":
			return d.h.P0529.OnHit(P0529HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0530":
			return d.h.P0530.OnHit(P0530HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0531":
			return d.h.P0531.OnHit(P0531HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0532":
			return d.h.P0532.OnHit(P0532HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0533":
			return d.h.P0533.OnHit(P0533HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0534":
			return d.h.P0534.OnHit(P0534HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0535":
			return d.h.P0535.OnHit(P0535HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0536":
			return d.h.P0536.OnHit(P0536HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0537":
			return d.h.P0537.OnHit(P0537HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0538":
			return d.h.P0538.OnHit(P0538HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0539":
			return d.h.P0539.OnHit(P0539HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0540":
			return d.h.P0540.OnHit(P0540HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0541":
			return d.h.P0541.OnHit(P0541HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0542":
			return d.h.P0542.OnHit(P0542HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0543":
			return d.h.P0543.OnHit(P0543HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0544":
			return d.h.P0544.OnHit(P0544HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0545":
			return d.h.P0545.OnHit(P0545HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0546":
			return d.h.P0546.OnHit(P0546HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0547":
			return d.h.P0547.OnHit(P0547HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0548":
			return d.h.P0548.OnHit(P0548HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0549":
			return d.h.P0549.OnHit(P0549HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0550":
			return d.h.P0550.OnHit(P0550HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0551":
			return d.h.P0551.OnHit(P0551HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0552":
			return d.h.P0552.OnHit(P0552HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0553":
			return d.h.P0553.OnHit(P0553HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0554":
			return d.h.P0554.OnHit(P0554HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0555":
			return d.h.P0555.OnHit(P0555HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0556":
			return d.h.P0556.OnHit(P0556HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0557":
			return d.h.P0557.OnHit(P0557HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0558":
			return d.h.P0558.OnHit(P0558HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0559":
			return d.h.P0559.OnHit(P0559HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0560":
			return d.h.P0560.OnHit(P0560HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0561":
			return d.h.P0561.OnHit(P0561HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0562":
			return d.h.P0562.OnHit(P0562HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0563":
			return d.h.P0563.OnHit(P0563HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0564":
			return d.h.P0564.OnHit(P0564HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0565":
			return d.h.P0565.OnHit(P0565HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0566":
			return d.h.P0566.OnHit(P0566HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0567":
			return d.h.P0567.OnHit(P0567HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0568":
			return d.h.P0568.OnHit(P0568HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0569":
			return d.h.P0569.OnHit(P0569HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0570":
			return d.h.P0570.OnHit(P0570HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0571":
			return d.h.P0571.OnHit(P0571HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0572":
			return d.h.P0572.OnHit(P0572HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0573":
			return d.h.P0573.OnHit(P0573HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0574":
			return d.h.P0574.OnHit(P0574HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0575":
			return d.h.P0575.OnHit(P0575HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0576":
			return d.h.P0576.OnHit(P0576HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0577":
			return d.h.P0577.OnHit(P0577HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0578":
			return d.h.P0578.OnHit(P0578HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0579":
			return d.h.P0579.OnHit(P0579HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0580":
			return d.h.P0580.OnHit(P0580HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0581":
			return d.h.P0581.OnHit(P0581HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0582":
			return d.h.P0582.OnHit(P0582HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0583":
			return d.h.P0583.OnHit(P0583HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0584":
			return d.h.P0584.OnHit(P0584HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0585":
			return d.h.P0585.OnHit(P0585HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0586":
			return d.h.P0586.OnHit(P0586HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0587":
			return d.h.P0587.OnHit(P0587HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0588":
			return d.h.P0588.OnHit(P0588HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0589":
			return d.h.P0589.OnHit(P0589HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0590":
			return d.h.P0590.OnHit(P0590HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0591":
			return d.h.P0591.OnHit(P0591HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0592":
			return d.h.P0592.OnHit(P0592HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0593":
			return d.h.P0593.OnHit(P0593HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0594":
			return d.h.P0594.OnHit(P0594HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0595":
			return d.h.P0595.OnHit(P0595HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0596":
			return d.h.P0596.OnHit(P0596HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0597":
			return d.h.P0597.OnHit(P0597HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0598":
			return d.h.P0598.OnHit(P0598HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0599":
			return d.h.P0599.OnHit(P0599HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0600":
			return d.h.P0600.OnHit(P0600HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0601":
			return d.h.P0601.OnHit(P0601HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0602":
			return d.h.P0602.OnHit(P0602HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0603":
			return d.h.P0603.OnHit(P0603HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0604":
			return d.h.P0604.OnHit(P0604HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0605":
			return d.h.P0605.OnHit(P0605HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0606":
			return d.h.P0606.OnHit(P0606HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0607":
			return d.h.P0607.OnHit(P0607HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0608":
			return d.h.P0608.OnHit(P0608HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0609":
			return d.h.P0609.OnHit(P0609HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0610":
			return d.h.P0610.OnHit(P0610HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0611":
			return d.h.P0611.OnHit(P0611HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0612":
			return d.h.P0612.OnHit(P0612HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0613":
			return d.h.P0613.OnHit(P0613HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0614":
			return d.h.P0614.OnHit(P0614HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0615":
			return d.h.P0615.OnHit(P0615HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0616":
			return d.h.P0616.OnHit(P0616HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0617":
			return d.h.P0617.OnHit(P0617HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0618":
			return d.h.P0618.OnHit(P0618HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0619":
			return d.h.P0619.OnHit(P0619HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0620":
			return d.h.P0620.OnHit(P0620HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0621":
			return d.h.P0621.OnHit(P0621HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0622":
			return d.h.P0622.OnHit(P0622HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0623":
			return d.h.P0623.OnHit(P0623HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0624":
			return d.h.P0624.OnHit(P0624HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0625":
			return d.h.P0625.OnHit(P0625HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0626":
			return d.h.P0626.OnHit(P0626HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0627":
			return d.h.P0627.OnHit(P0627HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0628":
			return d.h.P0628.OnHit(P0628HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0629":
			return d.h.P0629.OnHit(P0629HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0630":
			return d.h.P0630.OnHit(P0630HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0631":
			return d.h.P0631.OnHit(P0631HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0632":
			return d.h.P0632.OnHit(P0632HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0633":
			return d.h.P0633.OnHit(P0633HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0634":
			return d.h.P0634.OnHit(P0634HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0635":
			return d.h.P0635.OnHit(P0635HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0636":
			return d.h.P0636.OnHit(P0636HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0637":
			return d.h.P0637.OnHit(P0637HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0638":
			return d.h.P0638.OnHit(P0638HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0639":
			return d.h.P0639.OnHit(P0639HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0640":
			return d.h.P0640.OnHit(P0640HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0641":
			return d.h.P0641.OnHit(P0641HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0642":
			return d.h.P0642.OnHit(P0642HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0643":
			return d.h.P0643.OnHit(P0643HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0644":
			return d.h.P0644.OnHit(P0644HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0645":
			return d.h.P0645.OnHit(P0645HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0646":
			return d.h.P0646.OnHit(P0646HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0647":
			return d.h.P0647.OnHit(P0647HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0648":
			return d.h.P0648.OnHit(P0648HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0649":
			return d.h.P0649.OnHit(P0649HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0650":
			return d.h.P0650.OnHit(P0650HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0651":
			return d.h.P0651.OnHit(P0651HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0652":
			return d.h.P0652.OnHit(P0652HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0653":
			return d.h.P0653.OnHit(P0653HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0654":
			return d.h.P0654.OnHit(P0654HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0655":
			return d.h.P0655.OnHit(P0655HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0656":
			return d.h.P0656.OnHit(P0656HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0657":
			return d.h.P0657.OnHit(P0657HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0658":
			return d.h.P0658.OnHit(P0658HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0659":
			return d.h.P0659.OnHit(P0659HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0660":
			return d.h.P0660.OnHit(P0660HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0661":
			return d.h.P0661.OnHit(P0661HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0662":
			return d.h.P0662.OnHit(P0662HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0663":
			return d.h.P0663.OnHit(P0663HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0664":
			return d.h.P0664.OnHit(P0664HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0665":
			return d.h.P0665.OnHit(P0665HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0666":
			return d.h.P0666.OnHit(P0666HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0667":
			return d.h.P0667.OnHit(P0667HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0668":
			return d.h.P0668.OnHit(P0668HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0669":
			return d.h.P0669.OnHit(P0669HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0670":
			return d.h.P0670.OnHit(P0670HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0671":
			return d.h.P0671.OnHit(P0671HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0672":
			return d.h.P0672.OnHit(P0672HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0673":
			return d.h.P0673.OnHit(P0673HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0674":
			return d.h.P0674.OnHit(P0674HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0675":
			return d.h.P0675.OnHit(P0675HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0676":
			return d.h.P0676.OnHit(P0676HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0677":
			return d.h.P0677.OnHit(P0677HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0678":
			return d.h.P0678.OnHit(P0678HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0679":
			return d.h.P0679.OnHit(P0679HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0680":
			return d.h.P0680.OnHit(P0680HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0681":
			return d.h.P0681.OnHit(P0681HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0682":
			return d.h.P0682.OnHit(P0682HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0683":
			return d.h.P0683.OnHit(P0683HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0684":
			return d.h.P0684.OnHit(P0684HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0685":
			return d.h.P0685.OnHit(P0685HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0686":
			return d.h.P0686.OnHit(P0686HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0687":
			return d.h.P0687.OnHit(P0687HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0688":
			return d.h.P0688.OnHit(P0688HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0689":
			return d.h.P0689.OnHit(P0689HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0690":
			return d.h.P0690.OnHit(P0690HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0691":
			return d.h.P0691.OnHit(P0691HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0692":
			return d.h.P0692.OnHit(P0692HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0693":
			return d.h.P0693.OnHit(P0693HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0694":
			return d.h.P0694.OnHit(P0694HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0695":
			return d.h.P0695.OnHit(P0695HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0696":
			return d.h.P0696.OnHit(P0696HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0697":
			return d.h.P0697.OnHit(P0697HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0698":
			return d.h.P0698.OnHit(P0698HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0699":
			return d.h.P0699.OnHit(P0699HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0700":
			return d.h.P0700.OnHit(P0700HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0701":
			return d.h.P0701.OnHit(P0701HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0702":
			return d.h.P0702.OnHit(P0702HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0703":
			return d.h.P0703.OnHit(P0703HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0704":
			return d.h.P0704.OnHit(P0704HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0705":
			return d.h.P0705.OnHit(P0705HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0706":
			return d.h.P0706.OnHit(P0706HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0707":
			return d.h.P0707.OnHit(P0707HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0708":
			return d.h.P0708.OnHit(P0708HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0709":
			return d.h.P0709.OnHit(P0709HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0710":
			return d.h.P0710.OnHit(P0710HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0711":
			return d.h.P0711.OnHit(P0711HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0712":
			return d.h.P0712.OnHit(P0712HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0713":
			return d.h.P0713.OnHit(P0713HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0714":
			return d.h.P0714.OnHit(P0714HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0715":
			return d.h.P0715.OnHit(P0715HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0716":
			return d.h.P0716.OnHit(P0716HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0717":
			return d.h.P0717.OnHit(P0717HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0718":
			return d.h.P0718.OnHit(P0718HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0719":
			return d.h.P0719.OnHit(P0719HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0720":
			return d.h.P0720.OnHit(P0720HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0721":
			return d.h.P0721.OnHit(P0721HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0722":
			return d.h.P0722.OnHit(P0722HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0723":
			return d.h.P0723.OnHit(P0723HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0724":
			return d.h.P0724.OnHit(P0724HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0725":
			return d.h.P0725.OnHit(P0725HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0726":
			return d.h.P0726.OnHit(P0726HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0727":
			return d.h.P0727.OnHit(P0727HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0728":
			return d.h.P0728.OnHit(P0728HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0729":
			return d.h.P0729.OnHit(P0729HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0730":
			return d.h.P0730.OnHit(P0730HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0731":
			return d.h.P0731.OnHit(P0731HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0732":
			return d.h.P0732.OnHit(P0732HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0733":
			return d.h.P0733.OnHit(P0733HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0734":
			return d.h.P0734.OnHit(P0734HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0735":
			return d.h.P0735.OnHit(P0735HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0736":
			return d.h.P0736.OnHit(P0736HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0737":
			return d.h.P0737.OnHit(P0737HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0738":
			return d.h.P0738.OnHit(P0738HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0739":
			return d.h.P0739.OnHit(P0739HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0740":
			return d.h.P0740.OnHit(P0740HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0741":
			return d.h.P0741.OnHit(P0741HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0742":
			return d.h.P0742.OnHit(P0742HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0743":
			return d.h.P0743.OnHit(P0743HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0744":
			return d.h.P0744.OnHit(P0744HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0745":
			return d.h.P0745.OnHit(P0745HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0746":
			return d.h.P0746.OnHit(P0746HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0747":
			return d.h.P0747.OnHit(P0747HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0748":
			return d.h.P0748.OnHit(P0748HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0749":
			return d.h.P0749.OnHit(P0749HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0750":
			return d.h.P0750.OnHit(P0750HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0751":
			return d.h.P0751.OnHit(P0751HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0752":
			return d.h.P0752.OnHit(P0752HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0753":
			return d.h.P0753.OnHit(P0753HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0754":
			return d.h.P0754.OnHit(P0754HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0755":
			return d.h.P0755.OnHit(P0755HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0756":
			return d.h.P0756.OnHit(P0756HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0757":
			return d.h.P0757.OnHit(P0757HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0758":
			return d.h.P0758.OnHit(P0758HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0759":
			return d.h.P0759.OnHit(P0759HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0760":
			return d.h.P0760.OnHit(P0760HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0761":
			return d.h.P0761.OnHit(P0761HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0762":
			return d.h.P0762.OnHit(P0762HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0763":
			return d.h.P0763.OnHit(P0763HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0764":
			return d.h.P0764.OnHit(P0764HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0765":
			return d.h.P0765.OnHit(P0765HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0766":
			return d.h.P0766.OnHit(P0766HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0767":
			return d.h.P0767.OnHit(P0767HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0768":
			return d.h.P0768.OnHit(P0768HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0769":
			return d.h.P0769.OnHit(P0769HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0770":
			return d.h.P0770.OnHit(P0770HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0771":
			return d.h.P0771.OnHit(P0771HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0772":
			return d.h.P0772.OnHit(P0772HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0773":
			return d.h.P0773.OnHit(P0773HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0774":
			return d.h.P0774.OnHit(P0774HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0775":
			return d.h.P0775.OnHit(P0775HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0776":
			return d.h.P0776.OnHit(P0776HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0777":
			return d.h.P0777.OnHit(P0777HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0778":
			return d.h.P0778.OnHit(P0778HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0779":
			return d.h.P0779.OnHit(P0779HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0780":
			return d.h.P0780.OnHit(P0780HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0781":
			return d.h.P0781.OnHit(P0781HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0782":
			return d.h.P0782.OnHit(P0782HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0783":
			return d.h.P0783.OnHit(P0783HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0784":
			return d.h.P0784.OnHit(P0784HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0785":
			return d.h.P0785.OnHit(P0785HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0786":
			return d.h.P0786.OnHit(P0786HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0787":
			return d.h.P0787.OnHit(P0787HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0788":
			return d.h.P0788.OnHit(P0788HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0789":
			return d.h.P0789.OnHit(P0789HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0790":
			return d.h.P0790.OnHit(P0790HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0791":
			return d.h.P0791.OnHit(P0791HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0792":
			return d.h.P0792.OnHit(P0792HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0793":
			return d.h.P0793.OnHit(P0793HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0794":
			return d.h.P0794.OnHit(P0794HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0795":
			return d.h.P0795.OnHit(P0795HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0796":
			return d.h.P0796.OnHit(P0796HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0797":
			return d.h.P0797.OnHit(P0797HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0798":
			return d.h.P0798.OnHit(P0798HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0799":
			return d.h.P0799.OnHit(P0799HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0800":
			return d.h.P0800.OnHit(P0800HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0801":
			return d.h.P0801.OnHit(P0801HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0802":
			return d.h.P0802.OnHit(P0802HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0803":
			return d.h.P0803.OnHit(P0803HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0804":
			return d.h.P0804.OnHit(P0804HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0805":
			return d.h.P0805.OnHit(P0805HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0806":
			return d.h.P0806.OnHit(P0806HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0807":
			return d.h.P0807.OnHit(P0807HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0808":
			return d.h.P0808.OnHit(P0808HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0809":
			return d.h.P0809.OnHit(P0809HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0810":
			return d.h.P0810.OnHit(P0810HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0811":
			return d.h.P0811.OnHit(P0811HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0812":
			return d.h.P0812.OnHit(P0812HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0813":
			return d.h.P0813.OnHit(P0813HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0814":
			return d.h.P0814.OnHit(P0814HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0815":
			return d.h.P0815.OnHit(P0815HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0816":
			return d.h.P0816.OnHit(P0816HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0817":
			return d.h.P0817.OnHit(P0817HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0818":
			return d.h.P0818.OnHit(P0818HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0819":
			return d.h.P0819.OnHit(P0819HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0820":
			return d.h.P0820.OnHit(P0820HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0821":
			return d.h.P0821.OnHit(P0821HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0822":
			return d.h.P0822.OnHit(P0822HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0823":
			return d.h.P0823.OnHit(P0823HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0824":
			return d.h.P0824.OnHit(P0824HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0825":
			return d.h.P0825.OnHit(P0825HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0826":
			return d.h.P0826.OnHit(P0826HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0827":
			return d.h.P0827.OnHit(P0827HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0828":
			return d.h.P0828.OnHit(P0828HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0829":
			return d.h.P0829.OnHit(P0829HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0830":
			return d.h.P0830.OnHit(P0830HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0831":
			return d.h.P0831.OnHit(P0831HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0832":
			return d.h.P0832.OnHit(P0832HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0833":
			return d.h.P0833.OnHit(P0833HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0834":
			return d.h.P0834.OnHit(P0834HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0835":
			return d.h.P0835.OnHit(P0835HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0836":
			return d.h.P0836.OnHit(P0836HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0837":
			return d.h.P0837.OnHit(P0837HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0838":
			return d.h.P0838.OnHit(P0838HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0839":
			return d.h.P0839.OnHit(P0839HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0840":
			return d.h.P0840.OnHit(P0840HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0841":
			return d.h.P0841.OnHit(P0841HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0842":
			return d.h.P0842.OnHit(P0842HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0843":
			return d.h.P0843.OnHit(P0843HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0844":
			return d.h.P0844.OnHit(P0844HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0845":
			return d.h.P0845.OnHit(P0845HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0846":
			return d.h.P0846.OnHit(P0846HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0847":
			return d.h.P0847.OnHit(P0847HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0848":
			return d.h.P0848.OnHit(P0848HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0849":
			return d.h.P0849.OnHit(P0849HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0850":
			return d.h.P0850.OnHit(P0850HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0851":
			return d.h.P0851.OnHit(P0851HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0852":
			return d.h.P0852.OnHit(P0852HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0853":
			return d.h.P0853.OnHit(P0853HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0854":
			return d.h.P0854.OnHit(P0854HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0855":
			return d.h.P0855.OnHit(P0855HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0856":
			return d.h.P0856.OnHit(P0856HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0857":
			return d.h.P0857.OnHit(P0857HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0858":
			return d.h.P0858.OnHit(P0858HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0859":
			return d.h.P0859.OnHit(P0859HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0860":
			return d.h.P0860.OnHit(P0860HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0861":
			return d.h.P0861.OnHit(P0861HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0862":
			return d.h.P0862.OnHit(P0862HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0863":
			return d.h.P0863.OnHit(P0863HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0864":
			return d.h.P0864.OnHit(P0864HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0865":
			return d.h.P0865.OnHit(P0865HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0866":
			return d.h.P0866.OnHit(P0866HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0867":
			return d.h.P0867.OnHit(P0867HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0868":
			return d.h.P0868.OnHit(P0868HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0869":
			return d.h.P0869.OnHit(P0869HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0870":
			return d.h.P0870.OnHit(P0870HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0871":
			return d.h.P0871.OnHit(P0871HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0872":
			return d.h.P0872.OnHit(P0872HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0873":
			return d.h.P0873.OnHit(P0873HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0874":
			return d.h.P0874.OnHit(P0874HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0875":
			return d.h.P0875.OnHit(P0875HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0876":
			return d.h.P0876.OnHit(P0876HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0877":
			return d.h.P0877.OnHit(P0877HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0878":
			return d.h.P0878.OnHit(P0878HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0879":
			return d.h.P0879.OnHit(P0879HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0880":
			return d.h.P0880.OnHit(P0880HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0881":
			return d.h.P0881.OnHit(P0881HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0882":
			return d.h.P0882.OnHit(P0882HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0883":
			return d.h.P0883.OnHit(P0883HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0884":
			return d.h.P0884.OnHit(P0884HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0885":
			return d.h.P0885.OnHit(P0885HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0886":
			return d.h.P0886.OnHit(P0886HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0887":
			return d.h.P0887.OnHit(P0887HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0888":
			return d.h.P0888.OnHit(P0888HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0889":
			return d.h.P0889.OnHit(P0889HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0890":
			return d.h.P0890.OnHit(P0890HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0891":
			return d.h.P0891.OnHit(P0891HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0892":
			return d.h.P0892.OnHit(P0892HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0893":
			return d.h.P0893.OnHit(P0893HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0894":
			return d.h.P0894.OnHit(P0894HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0895":
			return d.h.P0895.OnHit(P0895HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0896":
			return d.h.P0896.OnHit(P0896HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0897":
			return d.h.P0897.OnHit(P0897HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0898":
			return d.h.P0898.OnHit(P0898HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0899":
			return d.h.P0899.OnHit(P0899HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0900":
			return d.h.P0900.OnHit(P0900HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0901":
			return d.h.P0901.OnHit(P0901HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0902":
			return d.h.P0902.OnHit(P0902HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0903":
			return d.h.P0903.OnHit(P0903HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0904":
			return d.h.P0904.OnHit(P0904HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0905":
			return d.h.P0905.OnHit(P0905HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0906":
			return d.h.P0906.OnHit(P0906HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0907":
			return d.h.P0907.OnHit(P0907HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0908":
			return d.h.P0908.OnHit(P0908HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0909":
			return d.h.P0909.OnHit(P0909HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0910":
			return d.h.P0910.OnHit(P0910HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0911":
			return d.h.P0911.OnHit(P0911HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0912":
			return d.h.P0912.OnHit(P0912HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0913":
			return d.h.P0913.OnHit(P0913HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0914":
			return d.h.P0914.OnHit(P0914HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0915":
			return d.h.P0915.OnHit(P0915HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0916":
			return d.h.P0916.OnHit(P0916HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0917":
			return d.h.P0917.OnHit(P0917HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0918":
			return d.h.P0918.OnHit(P0918HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0919":
			return d.h.P0919.OnHit(P0919HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0920":
			return d.h.P0920.OnHit(P0920HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0921":
			return d.h.P0921.OnHit(P0921HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0922":
			return d.h.P0922.OnHit(P0922HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0923":
			return d.h.P0923.OnHit(P0923HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0924":
			return d.h.P0924.OnHit(P0924HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0925":
			return d.h.P0925.OnHit(P0925HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0926":
			return d.h.P0926.OnHit(P0926HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0927":
			return d.h.P0927.OnHit(P0927HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0928":
			return d.h.P0928.OnHit(P0928HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0929":
			return d.h.P0929.OnHit(P0929HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0930":
			return d.h.P0930.OnHit(P0930HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0931":
			return d.h.P0931.OnHit(P0931HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0932":
			return d.h.P0932.OnHit(P0932HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0933":
			return d.h.P0933.OnHit(P0933HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0934":
			return d.h.P0934.OnHit(P0934HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0935":
			return d.h.P0935.OnHit(P0935HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0936":
			return d.h.P0936.OnHit(P0936HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0937":
			return d.h.P0937.OnHit(P0937HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0938":
			return d.h.P0938.OnHit(P0938HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0939":
			return d.h.P0939.OnHit(P0939HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0940":
			return d.h.P0940.OnHit(P0940HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0941":
			return d.h.P0941.OnHit(P0941HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0942":
			return d.h.P0942.OnHit(P0942HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0943":
			return d.h.P0943.OnHit(P0943HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0944":
			return d.h.P0944.OnHit(P0944HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0945":
			return d.h.P0945.OnHit(P0945HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0946":
			return d.h.P0946.OnHit(P0946HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0947":
			return d.h.P0947.OnHit(P0947HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0948":
			return d.h.P0948.OnHit(P0948HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0949":
			return d.h.P0949.OnHit(P0949HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0950":
			return d.h.P0950.OnHit(P0950HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0951":
			return d.h.P0951.OnHit(P0951HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0952":
			return d.h.P0952.OnHit(P0952HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0953":
			return d.h.P0953.OnHit(P0953HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0954":
			return d.h.P0954.OnHit(P0954HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0955":
			return d.h.P0955.OnHit(P0955HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0956":
			return d.h.P0956.OnHit(P0956HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0957":
			return d.h.P0957.OnHit(P0957HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0958":
			return d.h.P0958.OnHit(P0958HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0959":
			return d.h.P0959.OnHit(P0959HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0960":
			return d.h.P0960.OnHit(P0960HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0961":
			return d.h.P0961.OnHit(P0961HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0962":
			return d.h.P0962.OnHit(P0962HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0963":
			return d.h.P0963.OnHit(P0963HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0964":
			return d.h.P0964.OnHit(P0964HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0965":
			return d.h.P0965.OnHit(P0965HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0966":
			return d.h.P0966.OnHit(P0966HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0967":
			return d.h.P0967.OnHit(P0967HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0968":
			return d.h.P0968.OnHit(P0968HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0969":
			return d.h.P0969.OnHit(P0969HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0970":
			return d.h.P0970.OnHit(P0970HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0971":
			return d.h.P0971.OnHit(P0971HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0972":
			return d.h.P0972.OnHit(P0972HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0973":
			return d.h.P0973.OnHit(P0973HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0974":
			return d.h.P0974.OnHit(P0974HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0975":
			return d.h.P0975.OnHit(P0975HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0976":
			return d.h.P0976.OnHit(P0976HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0977":
			return d.h.P0977.OnHit(P0977HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0978":
			return d.h.P0978.OnHit(P0978HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0979":
			return d.h.P0979.OnHit(P0979HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0980":
			return d.h.P0980.OnHit(P0980HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0981":
			return d.h.P0981.OnHit(P0981HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0982":
			return d.h.P0982.OnHit(P0982HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0983":
			return d.h.P0983.OnHit(P0983HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0984":
			return d.h.P0984.OnHit(P0984HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0985":
			return d.h.P0985.OnHit(P0985HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0986":
			return d.h.P0986.OnHit(P0986HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0987":
			return d.h.P0987.OnHit(P0987HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0988":
			return d.h.P0988.OnHit(P0988HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0989":
			return d.h.P0989.OnHit(P0989HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0990":
			return d.h.P0990.OnHit(P0990HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0991":
			return d.h.P0991.OnHit(P0991HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0992":
			return d.h.P0992.OnHit(P0992HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0993":
			return d.h.P0993.OnHit(P0993HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0994":
			return d.h.P0994.OnHit(P0994HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0995":
			return d.h.P0995.OnHit(P0995HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0996":
			return d.h.P0996.OnHit(P0996HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0997":
			return d.h.P0997.OnHit(P0997HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0998":
			return d.h.P0998.OnHit(P0998HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		case "p0999":
			return d.h.P0999.OnHit(P0999HitContext{fwimpl.NewOn[Order](c)}, o.Amount)
		}
	}
	return nil
}
