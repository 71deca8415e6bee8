// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The ALT0-ALT5 functions of every pin, per SoC family: data only.
 *
 * Sources: "BCM2835 ARM Peripherals" section 6.2 (table 6-31) and
 * "BCM2711 ARM Peripherals" section 5.3, with the datasheets' names (TXD0,
 * SDA1, SPI0_CE0_N, BSCSL = the I2C/SPI slave). Where the BCM2835 datasheet
 * says "reserved" or "internal" but the function is documented since (the
 * DPI and AVE video pins, SD0/SD1 on 22-27 and 46-53 as used by the Pi's
 * own device trees), the later name is given. NULL: no function.
 */
#include <stddef.h>

#include "regs.h"

#define ALTS 6

static const char *const alt_bcm2835[][ALTS] = {
	/*  0 */ { "SDA0", "SA5", "PCLK", "AVEOUT_VCLK", "AVEIN_VCLK", NULL },
	/*  1 */ { "SCL0", "SA4", "DE", "AVEOUT_DSYNC", "AVEIN_DSYNC", NULL },
	/*  2 */ { "SDA1", "SA3", "LCD_VSYNC", "AVEOUT_VSYNC", "AVEIN_VSYNC", NULL },
	/*  3 */ { "SCL1", "SA2", "LCD_HSYNC", "AVEOUT_HSYNC", "AVEIN_HSYNC", NULL },
	/*  4 */ { "GPCLK0", "SA1", "DPI_D0", "AVEOUT_VID0", "AVEIN_VID0", "ARM_TDI" },
	/*  5 */ { "GPCLK1", "SA0", "DPI_D1", "AVEOUT_VID1", "AVEIN_VID1", "ARM_TDO" },
	/*  6 */ { "GPCLK2", "SOE_N_SE", "DPI_D2", "AVEOUT_VID2", "AVEIN_VID2", "ARM_RTCK" },
	/*  7 */ { "SPI0_CE1_N", "SWE_N_SRW_N", "DPI_D3", "AVEOUT_VID3", "AVEIN_VID3", NULL },
	/*  8 */ { "SPI0_CE0_N", "SD0", "DPI_D4", "AVEOUT_VID4", "AVEIN_VID4", NULL },
	/*  9 */ { "SPI0_MISO", "SD1", "DPI_D5", "AVEOUT_VID5", "AVEIN_VID5", NULL },
	/* 10 */ { "SPI0_MOSI", "SD2", "DPI_D6", "AVEOUT_VID6", "AVEIN_VID6", NULL },
	/* 11 */ { "SPI0_SCLK", "SD3", "DPI_D7", "AVEOUT_VID7", "AVEIN_VID7", NULL },
	/* 12 */ { "PWM0", "SD4", "DPI_D8", "AVEOUT_VID8", "AVEIN_VID8", "ARM_TMS" },
	/* 13 */ { "PWM1", "SD5", "DPI_D9", "AVEOUT_VID9", "AVEIN_VID9", "ARM_TCK" },
	/* 14 */ { "TXD0", "SD6", "DPI_D10", "AVEOUT_VID10", "AVEIN_VID10", "TXD1" },
	/* 15 */ { "RXD0", "SD7", "DPI_D11", "AVEOUT_VID11", "AVEIN_VID11", "RXD1" },
	/* 16 */ { "FL0", "SD8", "DPI_D12", "CTS0", "SPI1_CE2_N", "CTS1" },
	/* 17 */ { "FL1", "SD9", "DPI_D13", "RTS0", "SPI1_CE1_N", "RTS1" },
	/* 18 */ { "PCM_CLK", "SD10", "DPI_D14", "BSCSL_SDA_MOSI", "SPI1_CE0_N", "PWM0" },
	/* 19 */ { "PCM_FS", "SD11", "DPI_D15", "BSCSL_SCL_SCLK", "SPI1_MISO", "PWM1" },
	/* 20 */ { "PCM_DIN", "SD12", "DPI_D16", "BSCSL_MISO", "SPI1_MOSI", "GPCLK0" },
	/* 21 */ { "PCM_DOUT", "SD13", "DPI_D17", "BSCSL_CE_N", "SPI1_SCLK", "GPCLK1" },
	/* 22 */ { "SD0_CLK", "SD14", "DPI_D18", "SD1_CLK", "ARM_TRST", NULL },
	/* 23 */ { "SD0_CMD", "SD15", "DPI_D19", "SD1_CMD", "ARM_RTCK", NULL },
	/* 24 */ { "SD0_DAT0", "SD16", "DPI_D20", "SD1_DAT0", "ARM_TDO", NULL },
	/* 25 */ { "SD0_DAT1", "SD17", "DPI_D21", "SD1_DAT1", "ARM_TCK", NULL },
	/* 26 */ { "SD0_DAT2", "TE0", "DPI_D22", "SD1_DAT2", "ARM_TDI", NULL },
	/* 27 */ { "SD0_DAT3", "TE1", "DPI_D23", "SD1_DAT3", "ARM_TMS", NULL },
	/* 28 */ { "SDA0", "SA5", "PCM_CLK", "FL0", NULL, NULL },
	/* 29 */ { "SCL0", "SA4", "PCM_FS", "FL1", NULL, NULL },
	/* 30 */ { "TE0", "SA3", "PCM_DIN", "CTS0", NULL, "CTS1" },
	/* 31 */ { "FL0", "SA2", "PCM_DOUT", "RTS0", NULL, "RTS1" },
	/* 32 */ { "GPCLK0", "SA1", "RING_OCLK", "TXD0", NULL, "TXD1" },
	/* 33 */ { "FL1", "SA0", "TE1", "RXD0", NULL, "RXD1" },
	/* 34 */ { "GPCLK0", "SOE_N_SE", "TE2", "SD1_CLK", NULL, NULL },
	/* 35 */ { "SPI0_CE1_N", "SWE_N_SRW_N", NULL, "SD1_CMD", NULL, NULL },
	/* 36 */ { "SPI0_CE0_N", "SD0", "TXD0", "SD1_DAT0", NULL, NULL },
	/* 37 */ { "SPI0_MISO", "SD1", "RXD0", "SD1_DAT1", NULL, NULL },
	/* 38 */ { "SPI0_MOSI", "SD2", "RTS0", "SD1_DAT2", NULL, NULL },
	/* 39 */ { "SPI0_SCLK", "SD3", "CTS0", "SD1_DAT3", NULL, NULL },
	/* 40 */ { "PWM0", "SD4", NULL, "SD1_DAT4", "SPI2_MISO", "TXD1" },
	/* 41 */ { "PWM1", "SD5", "TE0", "SD1_DAT5", "SPI2_MOSI", "RXD1" },
	/* 42 */ { "GPCLK1", "SD6", "TE1", "SD1_DAT6", "SPI2_SCLK", "RTS1" },
	/* 43 */ { "GPCLK2", "SD7", "TE2", "SD1_DAT7", "SPI2_CE0_N", "CTS1" },
	/* 44 */ { "GPCLK1", "SDA0", "SDA1", "TE0", "SPI2_CE1_N", NULL },
	/* 45 */ { "PWM1", "SCL0", "SCL1", "TE1", "SPI2_CE2_N", NULL },
	/* 46 */ { "SDA0", "SDA1", "SPI0_CE0_N", NULL, NULL, "SPI2_CE1_N" },
	/* 47 */ { "SCL0", "SCL1", "SPI0_MISO", NULL, NULL, "SPI2_CE0_N" },
	/* 48 */ { "SD0_CLK", "FL0", "SPI0_MOSI", "SD1_CLK", "ARM_TRST", "SPI2_SCLK" },
	/* 49 */ { "SD0_CMD", "GPCLK0", "SPI0_SCLK", "SD1_CMD", "ARM_RTCK", "SPI2_MOSI" },
	/* 50 */ { "SD0_DAT0", "GPCLK1", "PCM_CLK", "SD1_DAT0", "ARM_TDO", NULL },
	/* 51 */ { "SD0_DAT1", "GPCLK2", "PCM_FS", "SD1_DAT1", "ARM_TCK", NULL },
	/* 52 */ { "SD0_DAT2", "PWM0", "PCM_DIN", "SD1_DAT2", "ARM_TDI", NULL },
	/* 53 */ { "SD0_DAT3", "PWM1", "PCM_DOUT", "SD1_DAT3", "ARM_TMS", NULL },
};

static const char *const alt_bcm2711[][ALTS] = {
	/*  0 */ { "SDA0", "SA5", "PCLK", "SPI3_CE0_N", "TXD2", "SDA6" },
	/*  1 */ { "SCL0", "SA4", "DE", "SPI3_MISO", "RXD2", "SCL6" },
	/*  2 */ { "SDA1", "SA3", "LCD_VSYNC", "SPI3_MOSI", "CTS2", "SDA3" },
	/*  3 */ { "SCL1", "SA2", "LCD_HSYNC", "SPI3_SCLK", "RTS2", "SCL3" },
	/*  4 */ { "GPCLK0", "SA1", "DPI_D0", "SPI4_CE0_N", "TXD3", "SDA3" },
	/*  5 */ { "GPCLK1", "SA0", "DPI_D1", "SPI4_MISO", "RXD3", "SCL3" },
	/*  6 */ { "GPCLK2", "SOE_N_SE", "DPI_D2", "SPI4_MOSI", "CTS3", "SDA4" },
	/*  7 */ { "SPI0_CE1_N", "SWE_N_SRW_N", "DPI_D3", "SPI4_SCLK", "RTS3", "SCL4" },
	/*  8 */ { "SPI0_CE0_N", "SD0", "DPI_D4", "BSCSL_CE_N", "TXD4", "SDA4" },
	/*  9 */ { "SPI0_MISO", "SD1", "DPI_D5", "BSCSL_MISO", "RXD4", "SCL4" },
	/* 10 */ { "SPI0_MOSI", "SD2", "DPI_D6", "BSCSL_SDA_MOSI", "CTS4", "SDA5" },
	/* 11 */ { "SPI0_SCLK", "SD3", "DPI_D7", "BSCSL_SCL_SCLK", "RTS4", "SCL5" },
	/* 12 */ { "PWM0_0", "SD4", "DPI_D8", "SPI5_CE0_N", "TXD5", "SDA5" },
	/* 13 */ { "PWM0_1", "SD5", "DPI_D9", "SPI5_MISO", "RXD5", "SCL5" },
	/* 14 */ { "TXD0", "SD6", "DPI_D10", "SPI5_MOSI", "CTS5", "TXD1" },
	/* 15 */ { "RXD0", "SD7", "DPI_D11", "SPI5_SCLK", "RTS5", "RXD1" },
	/* 16 */ { NULL, "SD8", "DPI_D12", "CTS0", "SPI1_CE2_N", "CTS1" },
	/* 17 */ { NULL, "SD9", "DPI_D13", "RTS0", "SPI1_CE1_N", "RTS1" },
	/* 18 */ { "PCM_CLK", "SD10", "DPI_D14", "SPI6_CE0_N", "SPI1_CE0_N", "PWM0_0" },
	/* 19 */ { "PCM_FS", "SD11", "DPI_D15", "SPI6_MISO", "SPI1_MISO", "PWM0_1" },
	/* 20 */ { "PCM_DIN", "SD12", "DPI_D16", "SPI6_MOSI", "SPI1_MOSI", "GPCLK0" },
	/* 21 */ { "PCM_DOUT", "SD13", "DPI_D17", "SPI6_SCLK", "SPI1_SCLK", "GPCLK1" },
	/* 22 */ { "SD0_CLK", "SD14", "DPI_D18", "SD1_CLK", "ARM_TRST", "SDA6" },
	/* 23 */ { "SD0_CMD", "SD15", "DPI_D19", "SD1_CMD", "ARM_RTCK", "SCL6" },
	/* 24 */ { "SD0_DAT0", "SD16", "DPI_D20", "SD1_DAT0", "ARM_TDO", "SPI3_CE1_N" },
	/* 25 */ { "SD0_DAT1", "SD17", "DPI_D21", "SD1_DAT1", "ARM_TCK", "SPI4_CE1_N" },
	/* 26 */ { "SD0_DAT2", NULL, "DPI_D22", "SD1_DAT2", "ARM_TDI", "SPI5_CE1_N" },
	/* 27 */ { "SD0_DAT3", NULL, "DPI_D23", "SD1_DAT3", "ARM_TMS", "SPI6_CE1_N" },
	/* 28 */ { "SDA0", "SA5", "PCM_CLK", NULL, "MII_A_RX_ERR", "RGMII_MDIO" },
	/* 29 */ { "SCL0", "SA4", "PCM_FS", NULL, "MII_A_TX_ERR", "RGMII_MDC" },
	/* 30 */ { NULL, "SA3", "PCM_DIN", "CTS0", "MII_A_CRS", "CTS1" },
	/* 31 */ { NULL, "SA2", "PCM_DOUT", "RTS0", "MII_A_COL", "RTS1" },
	/* 32 */ { "GPCLK0", "SA1", NULL, "TXD0", "SD_CARD_PRES", "TXD1" },
	/* 33 */ { NULL, "SA0", NULL, "RXD0", "SD_CARD_WRPROT", "RXD1" },
	/* 34 */ { "GPCLK0", "SOE_N_SE", NULL, "SD1_CLK", "SD_CARD_LED", "RGMII_IRQ" },
	/* 35 */ { "SPI0_CE1_N", "SWE_N_SRW_N", NULL, "SD1_CMD", "RGMII_START_STOP", NULL },
	/* 36 */ { "SPI0_CE0_N", "SD0", "TXD0", "SD1_DAT0", "RGMII_RX_OK", "MII_A_RX_ERR" },
	/* 37 */ { "SPI0_MISO", "SD1", "RXD0", "SD1_DAT1", "RGMII_MDIO", "MII_A_TX_ERR" },
	/* 38 */ { "SPI0_MOSI", "SD2", "RTS0", "SD1_DAT2", "RGMII_MDC", "MII_A_CRS" },
	/* 39 */ { "SPI0_SCLK", "SD3", "CTS0", "SD1_DAT3", "RGMII_IRQ", "MII_A_COL" },
	/* 40 */ { "PWM1_0", "SD4", NULL, "SD1_DAT4", "SPI0_MISO", "TXD1" },
	/* 41 */ { "PWM1_1", "SD5", NULL, "SD1_DAT5", "SPI0_MOSI", "RXD1" },
	/* 42 */ { "GPCLK1", "SD6", NULL, "SD1_DAT6", "SPI0_SCLK", "RTS1" },
	/* 43 */ { "GPCLK2", "SD7", NULL, "SD1_DAT7", "SPI0_CE0_N", "CTS1" },
	/* 44 */ { "GPCLK1", "SDA0", "SDA1", NULL, "SPI0_CE1_N", "SD_CARD_VOLT" },
	/* 45 */ { "PWM0_1", "SCL0", "SCL1", NULL, "SPI0_CE2_N", "SD_CARD_PWR0" },
	/* 46 */ { "SDA0", "SDA1", "SPI0_CE0_N", NULL, NULL, "SPI2_CE1_N" },
	/* 47 */ { "SCL0", "SCL1", "SPI0_MISO", NULL, NULL, "SPI2_CE0_N" },
	/* 48 */ { "SD0_CLK", NULL, "SPI0_MOSI", "SD1_CLK", "ARM_TRST", "SPI2_SCLK" },
	/* 49 */ { "SD0_CMD", "GPCLK0", "SPI0_SCLK", "SD1_CMD", "ARM_RTCK", "SPI2_MOSI" },
	/* 50 */ { "SD0_DAT0", "GPCLK1", "PCM_CLK", "SD1_DAT0", "ARM_TDO", "SPI2_MISO" },
	/* 51 */ { "SD0_DAT1", "GPCLK2", "PCM_FS", "SD1_DAT1", "ARM_TCK", "SD_CARD_LED" },
	/* 52 */ { "SD0_DAT2", "PWM0_0", "PCM_DIN", "SD1_DAT2", "ARM_TDI", NULL },
	/* 53 */ { "SD0_DAT3", "PWM0_1", "PCM_DOUT", "SD1_DAT3", "ARM_TMS", NULL },
	/* 54 */ { "IR_IN", NULL, NULL, NULL, NULL, NULL },
	/* 55 */ { NULL, NULL, NULL, NULL, NULL, NULL },
	/* 56 */ { NULL, NULL, NULL, NULL, NULL, NULL },
	/* 57 */ { NULL, NULL, NULL, NULL, NULL, NULL },
};

#define ROWS(table) (sizeof(table) / sizeof(table[0]))

const char *pgr_regs_alt_name(const struct pgr_soc *soc, unsigned pin,
			      unsigned alt)
{
	const char *const (*table)[ALTS];
	size_t rows;

	if (soc->pull_model == PGR_PULL_BCM2711) {
		table = alt_bcm2711;
		rows = ROWS(alt_bcm2711);
	} else {
		table = alt_bcm2835;
		rows = ROWS(alt_bcm2835);
	}
	if (pin >= soc->ngpio || pin >= rows || alt >= ALTS)
		return NULL;
	return table[pin][alt];
}
